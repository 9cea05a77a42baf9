import type { OpName } from '../ops';
import type { OpTranslation } from './promela-op-types';
import { EXIT_OPS } from './promela-ops-exit';
import { FORK_OPS } from './promela-ops-fork';
import { INTERVAL_OPS } from './promela-ops-interval';
import { IOCTL_OPS } from './promela-ops-ioctl';
import { KSM_WB_OPS } from './promela-ops-ksm-wb';
import { MM_OPS } from './promela-ops-mm';
import { PAGE_OPS } from './promela-ops-page';
import { VHOST_OPS } from './promela-ops-vhost';
import { VMAP_OPS } from './promela-ops-vmap';

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
  ...IOCTL_OPS,
  ...FORK_OPS,
  ...EXIT_OPS,
};
