import type { DesignId } from '../../core/types';

/**
 * For each design, the nearest design that is correct without bug switches (copy-user, kmap-seq and the two
 * interval notifiers; see src/core/explore/correct-designs.test.ts): the one that answered its flaw in the thread.
 * A correct design maps to another correct one, so the two sides always differ.
 */
export const NEAREST_CORRECT: Readonly<Record<DesignId, DesignId>> = {
  'copy-user': 'kmap-seq',
  'vmap-pinned': 'kmap-seq',
  'vmap-notifier': 'kmap-seq',
  'kmap-seq': 'interval-notifier',
  'direct-map-rcu': 'interval-notifier',
  'interval-notifier': 'kmap-seq',
  'interval-mutex': 'interval-notifier',
};
