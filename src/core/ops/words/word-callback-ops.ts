import { countingHistory, report, say } from '../../context';
import { W } from '../../schema/state-words';
import { heldByOther, mutexWaiters, overlapPagesAt } from '../shared';
import { mightSleepOnWords, setVmapSlotAt, setVqMutexAt, vmapSlotAt, vqMutexAt } from './word-context';
import { lockHolder } from './word-memory';
import { clearPointers, dirtyUsedPointed, overlapOf, pointedUsed } from './word-notifier-ops';
import { objectView, type WordOp } from './word-op';
import { dropVmap } from './word-vmalloc';

/** The notifier callbacks' later steps (dirty under lock, unlock, RCU grace period, per-vq teardown) on words. */

/** The vq a per-vq callback step acts on (its `arg`; -1 is vq 0). */
const vqOf = (arg: number): number => Math.max(arg, 0);

export const WORD_CALLBACK_OPS = {
  'dirty-lock-notifier': {
    blocked(w, t, _i, names, scenario) {
      const slots = overlapPagesAt({ scenario }, W.vhost.region.get(w), t);
      for (let i = 0; i < slots.length; i++) {
        const f = pointedUsed(w, scenario, slots, i);
        if (f >= 0 && W.frames.locked.get(w, f))
          return `lock_page(frame #${f}) sleeps: PG_locked is held by ${lockHolder(w, f, names)}`;
      }
      return null;
    },
    run(ctx) {
      const slots = overlapOf(ctx);
      let any = false;
      for (let i = 0; i < slots.length; i++) if (pointedUsed(ctx.w, ctx.scenario, slots, i) >= 0) any = true;
      if (!any) return say(ctx, 'No page to dirty: lock_page() is not called.');
      mightSleepOnWords(ctx, 'set_page_dirty_lock()');
      dirtyUsedPointed(ctx, 'set_page_dirty_lock');
    },
  },
  'clear-unlock': {
    run(ctx) {
      clearPointers(ctx);
      // The sleepers a release wakes are history, counted only by the stepper (`countingHistory`).
      if (countingHistory(ctx)) ctx.cost.sleeps += mutexWaiters(objectView(ctx.w, ctx.scenario), ctx.t);
      W.vhost.mmuLock.set(ctx.w, -1);
    },
  },
  'sync-rcu': {
    blocked(w, t, _i, names) {
      if (!W.threads.locals.unpublished.get(w, t)) return null;
      for (let u = 0, n = W.threads.length(w); u < n; u++)
        if (u !== t && W.threads.locals.inRcu.get(w, u))
          return `synchronize_rcu() waits for ${names[u] ?? 'a reader'} to leave its RCU read section`;
      return null;
    },
    run(ctx) {
      const { w, t } = ctx;
      if (!W.threads.locals.unpublished.get(w, t))
        return say(ctx, 'No live map was unpublished: synchronize_rcu() is not called.');
      W.threads.locals.unpublished.set(w, t, false);
      mightSleepOnWords(ctx, 'synchronize_rcu()');
      report(
        ctx,
        'rcu-latency',
        [],
        'invalidate_range_start unpublished a live map and then waited in synchronize_rcu(): synchronize_rcu has very high latency on a busy system, so one guest can slow the munmap, reclaim and migration of every other VM’s memory (the cross-VM DoS mst described).',
        'Keep the notifier short: a spinlock (or mmu_interval_read_retry under a driver lock), never a grace period.',
      );
    },
  },
  'inv-mutex-lock': {
    blocked: (w, t, i, names) => heldByOther(vqMutexAt(w, vqOf(i.arg)), t, 'vq->mutex', names),
    run(ctx) {
      mightSleepOnWords(ctx, 'mutex_lock()');
      setVqMutexAt(ctx.w, vqOf(ctx.instr.arg), ctx.t);
    },
  },
  'inv-vunmap': {
    run(ctx) {
      const { w } = ctx;
      const vq = vqOf(ctx.instr.arg);
      const slot = vmapSlotAt(w, vq);
      const overlap = overlapOf(ctx);
      let hit = false;
      for (let i = 0, n = W.vmalloc.length(w); i < n && !hit; i++)
        if (W.vmalloc.slot.get(w, i) === slot && overlap.includes(W.vmalloc.page.get(w, i))) hit = true;
      if (!hit) return say(ctx, 'No vmap of the ring overlaps the range.');
      mightSleepOnWords(ctx, 'vunmap()');
      dropVmap(w, slot);
      setVmapSlotAt(w, vq, -1);
      say(ctx, 'vq->map torn down: vmalloc PTEs cleared, kernel TLB entries left for the lazy purge.');
    },
  },
  'inv-mutex-unlock': {
    run(ctx) {
      setVqMutexAt(ctx.w, vqOf(ctx.instr.arg), -1);
    },
  },
} satisfies Record<string, WordOp>;
