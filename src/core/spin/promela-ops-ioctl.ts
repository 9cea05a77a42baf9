import { MMAP_SEM_KINDS } from '../ops/ioctl-ops';
import { modelOf } from '../step';
import type { Instr } from '../types';
import { filterInline } from './promela-lists';
import { type GuardCtx, notHeldByOther, type PromelaOp } from './promela-op-types';

/** `pcs` as `threads[t].pc == a || …`, or `0` when empty. */
export function pcIn(t: number, pcs: readonly number[]): string {
  return pcs.length > 0 ? `(${pcs.map((pc) => `threads[${t}].pc == ${pc}`).join(' || ')})` : '0';
}

/** The pcs of a program whose instruction runs inside a notifier callback (`depth > 0`). */
export const callbackPcs = (instrs: readonly Instr[]) => instrs.flatMap((i, pc) => (i.depth > 0 ? [pc] : []));

/** `inCallback(w, scenario, u)` (words/word-ioctl-ops.ts) for every thread but `t` and the worker, as one expression. */
function someoneInCallback(g: GuardCtx): string {
  const { programs } = modelOf(g.scenario);
  const parts = programs.flatMap((p, u) =>
    u === 0 || u === g.t || callbackPcs(p.instrs).length === 0
      ? []
      : [`(!threads[${u}].done && ${pcIn(u, callbackPcs(p.instrs))})`],
  );
  return parts.length > 0 ? `(${parts.join(' || ')})` : '0';
}

/** `holdsMmLocks(w, scenario, u)` (words/word-ioctl-ops.ts) for every mm thread but `t`, as one expression. */
function someoneHoldsMmLocks(g: GuardCtx): string {
  const { programs } = modelOf(g.scenario);
  const parts = g.scenario.mm.flatMap((spec, i) => {
    const u = i + 1;
    if (u === g.t) return [];
    const live = `!threads[${u}].done && threads[${u}].pc != 0`;
    if (MMAP_SEM_KINDS.has(spec.kind)) return [`(${live})`];
    const instrs = programs[u]?.instrs ?? [];
    const first = instrs.findIndex((x) => x.op === 'mm-start');
    const last = instrs.map((x) => x.op).lastIndexOf('mm-end');
    if (first < 0) return [];
    const inside = instrs.flatMap((x, pc) => (pc > first && (pc <= last || x.depth > 0) ? [pc] : []));
    return inside.length > 0 ? [`(${live} && ${pcIn(u, inside)})`] : [];
  });
  return parts.length > 0 ? `(${parts.join(' || ')})` : '0';
}

/** `signalPending(w, scenario)` (words/word-ioctl-ops.ts): an exit thread has taken its first step (h_x: the thread looked at). */
const SIGNAL_PENDING = `h_ok = 0; h_x = 1;
  do :: h_x < threads_len -> if :: mm_kind[h_x] == MMKIND_exit && threads[h_x].pc > 0 -> h_ok = 1 :: else fi; h_x++
  :: else -> break od`;

/** Sets PG_dirty on the frames vq 0's used-area pointers point at (`usedPages`: vq 0's slots). */
export const DIRTY_USED_POINTED = `h_p = USED_FIRST;
  do :: h_p <= USED_LAST -> if :: vhost.ptr[h_p] >= 0 -> frames[vhost.ptr[h_p]].dirty = 1 :: else fi; h_p++
  :: else -> break od`;

/** `s.vmalloc.filter((e) => e.slot !== v.vmapSlot)` when vq 0 has a vmap (only the vmap designs ever set one). */
export const DROP_VQ0_VMAP = 'if :: vhost.vmapSlot >= 0 -> drop_vq0_vmap() :: else fi; vhost.vmapSlot = -1';

/** Helper inlines of the ioctl and exit ops; `vmallocCap` is the vmalloc list's Promela capacity. */
export const ioctlInlines = (vmallocCap: number) =>
  filterInline('drop_vq0_vmap', 'vmalloc', vmallocCap, ['slot', 'page', 'frame'], 'IT.slot == vhost.vmapSlot');

/** `reportUnbalancedMmdrop`: mmu_notifier_unregister's mmdrop of a reference the failed register never took. */
export const MMDROP = 'HAZARD(mm_refcount_underflow)';

/** VHOST_SET_VRING_ADDR (words/word-ioctl-ops.ts): dev->mutex, vq->mutex, the unregister/register pair, the ring's move. */
export const IOCTL_OPS = {
  'ioctl-lock': { enabled: notHeldByOther('vqMutex'), body: 'vhost.vqMutex = T' },
  'set-addr': {
    // mmu_interval_notifier_remove waits while an invalidation is in progress (the sequence is odd).
    enabled: () => '(!IS_INTERVAL || vhost.itreeSeq % 2 == 0)',
    body: `
  if :: DESIGN == DESIGN_kmap_seq || IS_INTERVAL -> ${DIRTY_USED_POINTED} :: else fi;
  h_p = 0; do :: h_p < NP -> vhost.ptr[h_p] = -1; h_p++ :: else -> break od;
  ${DROP_VQ0_VMAP};
  vhost.region = 1 - vhost.region;
  if
  :: IS_INTERVAL ->
     if :: vhost.itreeActive > 0 && vhost.itreeSeq % 2 == 0 -> vhost.itreeSeq++ :: else fi;
     vhost.seq = (vhost.itreeActive > 0 -> vhost.itreeSeq : vhost.itreeSeq - 1)
  :: else
  fi`,
  },
  'ioctl-unlock': { body: 'vhost.vqMutex = -1' },
  'notifier-unregister': {
    enabled: (g) => `!${someoneInCallback(g)}`,
    body: `if :: !vhost.registered -> ${MMDROP} :: else fi; vhost.registered = 0`,
  },
  'notifier-register': {
    enabled: (g) => `!${someoneHoldsMmLocks(g)}`,
    body: `${SIGNAL_PENDING}; if :: !h_ok -> vhost.registered = 1 :: else fi`,
  },
} satisfies Record<string, PromelaOp>;

const UNREGISTERS: ReadonlySet<string> = new Set(['notifier-unregister', 'exit-teardown']);

/**
 * step.ts `skipCallbacks`, after a depth-0 step: while vhost's notifier is unregistered, the mm core calls none of
 * its callbacks, so the thread's pc moves past them. Empty when no thread of the scenario ever unregisters.
 */
export function skipCallbacks(programs: readonly { instrs: readonly Instr[] }[], t: number, instr: Instr): string {
  const pcs = callbackPcs(programs[t]?.instrs ?? []);
  const unregisters = programs.some((p) => p.instrs.some((x) => UNREGISTERS.has(x.op)));
  if (!unregisters || instr.depth > 0 || pcs.length === 0) return '';
  return `
       if :: !vhost.registered -> do :: ${pcIn(t, pcs)} -> threads[${t}].pc++ :: else -> break od :: else fi;`;
}
