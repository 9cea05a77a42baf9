import type { PromelaOp } from './promela-op-types';
import { DIRTY_USED_POINTED, DROP_VQ0_VMAP, MMDROP } from './promela-ops-ioctl';

/** exit-teardown's design switches (exit-ops.ts `DIRTIES_ON_TEARDOWN`, `UNCHECKED_REGISTER`), from the model's defines. */
const DIRTIES_ON_TEARDOWN =
  '(DESIGN == DESIGN_kmap_seq || DESIGN == DESIGN_interval_notifier || DESIGN == DESIGN_interval_mutex)';
const UNCHECKED_REGISTER = '(DESIGN == DESIGN_vmap_notifier || DESIGN == DESIGN_direct_map_rcu)';

/** QEMU's exit (exit-ops.ts): the steps that change nothing are `skip`, a step in Spin all the same. */
export const EXIT_OPS = {
  'exit-mm': { body: 'skip' },
  'exit-stop-worker': {
    // vhost_net_release runs at the last fput, after any vring ioctl in flight, and flushes the worker.
    enabled: (g) => {
      const ioctls = g.scenario.mm.flatMap((m, i) => (m.kind === 'set-vring-addr' ? [`threads[${i + 1}].done`] : []));
      return `(${[...ioctls, 'threads[0].done'].join(' && ')})`;
    },
    body: 'skip',
  },
  'exit-teardown': {
    body: `
  if :: ${DIRTIES_ON_TEARDOWN} && !(SCENARIO_BUGS & BUG_skip_set_page_dirty) -> ${DIRTY_USED_POINTED} :: else fi;
  h_p = 0; do :: h_p < vhost.ptr_len -> vhost.ptr[h_p] = -1; h_p++ :: else -> break od;
  ${DROP_VQ0_VMAP};
  if :: ${UNCHECKED_REGISTER} && !vhost.registered -> ${MMDROP} :: else fi;
  if :: DESIGN == DESIGN_direct_map_rcu -> vhost.count = 0 :: else fi;
  vhost.registered = 0`,
  },
  'exit-release': { body: 'skip' },
} satisfies Record<string, PromelaOp>;
