import type { OpName } from '../ops';
import type { OpTranslation, Untranslated } from './promela-op-types';
import { INTERVAL_OPS } from './promela-ops-interval';
import { KSM_WB_OPS } from './promela-ops-ksm-wb';
import { MM_OPS } from './promela-ops-mm';
import { PAGE_OPS } from './promela-ops-page';
import { VHOST_OPS } from './promela-ops-vhost';
import { VMAP_OPS } from './promela-ops-vmap';

const todo = (what: string): Untranslated => ({ untranslated: what });

/**
 * Every op of the closed vocabulary, in Promela: an op added to `OPS` does not compile until it has an entry here,
 * a translation or an explicit `todo`. A scenario whose programs run a `todo` op cannot be exported yet.
 */
export const PROMELA_OPS: Readonly<Record<OpName, OpTranslation>> = {
  ...VHOST_OPS,
  ...MM_OPS,
  ...INTERVAL_OPS,
  ...PAGE_OPS,
  ...VMAP_OPS,
  ...KSM_WB_OPS,
  'ioctl-lock': todo('VHOST_SET_VRING_ADDR'),
  'set-addr': todo('VHOST_SET_VRING_ADDR'),
  'ioctl-unlock': todo('VHOST_SET_VRING_ADDR'),
  'notifier-unregister': todo('VHOST_SET_VRING_ADDR'),
  'notifier-register': todo('VHOST_SET_VRING_ADDR'),
  'fork-copy': todo('fork and its COW window'),
  'cow-fault': todo('fork and its COW window'),
  'cow-copy': todo('fork and its COW window'),
  'cow-clear': todo('fork and its COW window'),
  'cow-set': todo('fork and its COW window'),
  'exit-mm': todo('QEMU exit'),
  'exit-stop-worker': todo('QEMU exit'),
  'exit-teardown': todo('QEMU exit'),
  'exit-release': todo('QEMU exit'),
};
