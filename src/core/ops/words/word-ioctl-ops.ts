import { isIntervalDesign } from '../../catalog';
import { narrating, say } from '../../context';
import { usedPages } from '../../layout';
import { ringPageCount } from '../../pagetable';
import { programsOf } from '../../programs/compile';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { MMAP_SEM_KINDS, reportUnbalancedMmdrop } from '../notifier-registration';
import { holderName } from '../shared';
import type { WordOp } from './word-op';
import { dropVmap } from './word-vmalloc';

/** VHOST_SET_VRING_ADDR's steps (the move, and RFC V2's unregister and register around it) on words. */

/**
 * Does mm thread `t` hold a lock mmu_notifier_register must take? mmap_sem for the events above; otherwise the rmap
 * lock (anon_vma / i_mmap) its walk holds from start to the end of _end, which mm_take_all_locks also takes.
 */
function holdsMmLocks(w: Int32Array, scenario: Scenario, t: number): boolean {
  const kind = scenario.mm[t - 1]?.kind;
  if (t >= W.threads.length(w) || W.threads.done.get(w, t) || !kind) return false;
  const pc = W.threads.pc.get(w, t);
  if (pc === 0) return false;
  if (MMAP_SEM_KINDS.has(kind)) return true;
  const instrs = programsOf(scenario)[t]?.instrs ?? [];
  let first = -1;
  let last = -1;
  for (let i = 0; i < instrs.length; i++) {
    const op = instrs[i]?.op;
    if (op === 'mm-start' && first < 0) first = i;
    if (op === 'mm-end') last = i;
  }
  return first >= 0 && pc > first && (pc <= last || (instrs[pc]?.depth ?? 0) > 0);
}

/** Is thread `t` inside a notifier callback (an SRCU read section of the mm's notifier list)? */
function inCallback(w: Int32Array, scenario: Scenario, t: number): boolean {
  if (t === 0 || W.threads.done.get(w, t)) return false;
  return (programsOf(scenario)[t]?.instrs[W.threads.pc.get(w, t)]?.depth ?? 0) > 0;
}

/**
 * QEMU's exit has begun (its first step is do_group_exit → zap_other_threads): SIGKILL is pending in every other QEMU
 * thread, so mm_take_all_locks in a register made from one of them returns -EINTR (mm/mmap.c, v5.0).
 */
function signalPending(w: Int32Array, scenario: Scenario): boolean {
  for (let i = 0; i < scenario.mm.length; i++)
    if (scenario.mm[i]?.kind === 'exit' && i + 1 < W.threads.length(w) && W.threads.pc.get(w, i + 1) > 0) return true;
  return false;
}

export const WORD_IOCTL_OPS = {
  'set-addr': {
    // mmu_interval_notifier_remove waits (wait_event on invalidate_seq) while an invalidation is in progress (v5.5).
    blocked: (w, _t, _i, _names, scenario) =>
      isIntervalDesign(scenario.design) && (W.vhost.itreeSeq.get(w) & 1) === 1
        ? 'mmu_interval_notifier_remove waits for the invalidation in progress to end'
        : null,
    run(ctx) {
      const { w, scenario } = ctx;
      const design = scenario.design;
      const interval = isIntervalDesign(design);
      let pointed = false;
      for (const p of usedPages(scenario.ringSize)) {
        const f = W.vhost.ptr.get(w, p);
        if (f < 0) continue;
        pointed = true;
        if (design === 'kmap-seq' || interval) W.frames.dirty.set(w, f, true);
      }
      if (design === 'direct-map-rcu' && pointed)
        say(ctx, 'The maps are dropped without set_page_dirty (the merged code’s teardown outside the notifier).');
      // vhost_uninit_vq_maps(vq): only the moved vq's maps (vq 0's slots) are dropped.
      const n = ringPageCount(ctx);
      for (let slot = 0, m = W.vhost.ptr.length(w); slot < m && slot < n; slot++) W.vhost.ptr.set(w, slot, -1);
      const vmapSlot = W.vhost.vmapSlot.get(w);
      if (vmapSlot >= 0) dropVmap(w, vmapSlot);
      W.vhost.vmapSlot.set(w, -1);
      const region = W.vhost.region.get(w) === 0 ? 1 : 0;
      W.vhost.region.set(w, region);
      // __mmu_interval_notifier_insert during an active invalidation makes the sequence odd and the new interval's equal.
      if (interval) {
        const active = W.vhost.itreeActive.get(w) > 0;
        if (active) W.vhost.itreeSeq.set(w, W.vhost.itreeSeq.get(w) | 1);
        W.vhost.seq.set(w, active ? W.vhost.itreeSeq.get(w) : W.vhost.itreeSeq.get(w) - 1);
      }
      narrating(ctx) &&
        say(
          ctx,
          `The ring now lives in region ${region} (${region === 0 ? 'inside' : 'outside'} the range the mm side invalidates), at frame #${W.ptes.frame.get(w, region * n)}.`,
        );
    },
  },
  'notifier-unregister': {
    blocked(w, t, _i, names, scenario) {
      for (let u = 1, m = W.threads.length(w); u < m; u++)
        if (u !== t && inCallback(w, scenario, u))
          return `mmu_notifier_unregister waits in synchronize_srcu() for ${holderName(names, u)} to return from the notifier callback`;
      return null;
    },
    run(ctx) {
      if (!W.vhost.registered.get(ctx.w)) reportUnbalancedMmdrop(ctx);
      W.vhost.registered.set(ctx.w, false);
      say(ctx, 'vhost’s notifier is off the list: invalidations that start or end from now on do not call it.');
    },
  },
  'notifier-register': {
    blocked(w, t, _i, names, scenario) {
      for (let u = 1, m = W.threads.length(w); u < m; u++)
        if (u !== t && holdsMmLocks(w, scenario, u))
          return `mmu_notifier_register waits for mmap_sem and mm_take_all_locks, held by ${holderName(names, u)}`;
      return null;
    },
    run(ctx) {
      const { w } = ctx;
      if (signalPending(w, ctx.scenario)) {
        say(
          ctx,
          'SIGKILL is pending (QEMU is exiting): mm_take_all_locks() returns -EINTR, so the notifier is not added and no mmgrab() is taken; vhost ignores the return value.',
        );
        return;
      }
      W.vhost.registered.set(w, true);
      narrating(ctx) &&
        say(
          ctx,
          `vhost’s notifier is registered again; invalidate_count is ${W.vhost.count.get(w)} (not reset), so an _end missed while unregistered is never matched.`,
        );
    },
  },
} satisfies Record<string, WordOp>;
