import type { OpName } from '../ops';
import type { OpTranslation, Untranslated } from './promela-op-types';
import { EXIT_OPS } from './promela-ops-exit';
import { FORK_OPS } from './promela-ops-fork';
import { INTERVAL_OPS } from './promela-ops-interval';
import { IOCTL_OPS } from './promela-ops-ioctl';
import { MM_OPS } from './promela-ops-mm';
import { PAGE_OPS } from './promela-ops-page';
import { VHOST_OPS } from './promela-ops-vhost';

const todo = (what: string): Untranslated => ({ untranslated: what });
const VMAP = todo('the vmap designs (vmalloc PTEs and their TLB entries)');
const PAGE_TODO = todo('KSM and writeback');

/**
 * Every op of the closed vocabulary, in Promela: an op added to `OPS` does not compile until it has an entry here,
 * a translation or an explicit `todo`. A scenario whose programs run a `todo` op cannot be exported yet.
 */
export const PROMELA_OPS: Readonly<Record<OpName, OpTranslation>> = {
  ...VHOST_OPS,
  ...MM_OPS,
  ...INTERVAL_OPS,
  ...PAGE_OPS,
  ...IOCTL_OPS,
  ...FORK_OPS,
  ...EXIT_OPS,
  unpin: VMAP,
  vmap: VMAP,
  vunmap: VMAP,
  'if-vmapped': VMAP,
  vload: VMAP,
  vaccess: VMAP,
  'dirty-lock': VMAP,
  'inv-mutex-lock': VMAP,
  'inv-vunmap': VMAP,
  'inv-mutex-unlock': VMAP,
  'ksm-trylock': PAGE_TODO,
  'ksm-wrprotect': PAGE_TODO,
  'ksm-if-merge': PAGE_TODO,
  'ksm-replace': PAGE_TODO,
  'wb-if-dirty': PAGE_TODO,
  mkclean: PAGE_TODO,
  writepage: PAGE_TODO,
};
