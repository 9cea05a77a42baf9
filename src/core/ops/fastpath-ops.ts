import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** The fast paths' worker steps (kmap-seq, the interval designs, direct-map-rcu); their bodies are on words. */
export const fastpathOps = {
  'read-seq': onWords(WORD_OPS['read-seq']),
  'read-begin': onWords(WORD_OPS['read-begin']),
  'check-publish': onWords(WORD_OPS['check-publish']),
  kaccess: onWords(WORD_OPS.kaccess),
  'worker-unlock': onWords(WORD_OPS['worker-unlock']),
  'rcu-prefetch': onWords(WORD_OPS['rcu-prefetch']),
  'rcu-publish': onWords(WORD_OPS['rcu-publish']),
  'rcu-deref': onWords(WORD_OPS['rcu-deref']),
  'rcu-access': onWords(WORD_OPS['rcu-access']),
} satisfies Record<string, Op>;
