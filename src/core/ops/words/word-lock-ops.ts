import { countingHistory, narrating, say } from '../../context';
import { W } from '../../schema/state-words';
import { heldByOther, mutexWaiters, overlapPagesAt } from '../shared';
import { objectView, type WordOp } from './word-op';

/** Locks, the interval notifier's read_begin and RCU's end on words (object versions were in the ops' files). */

export const WORD_LOCK_OPS = {
  'ioctl-lock': {
    blocked: (w, t, _i, names) => heldByOther(W.vhost.vqMutex.get(w), t, 'vq->mutex', names),
    run(ctx) {
      W.vhost.vqMutex.set(ctx.w, ctx.t);
    },
  },
  'ioctl-unlock': {
    run(ctx) {
      W.vhost.vqMutex.set(ctx.w, -1);
    },
  },
  'worker-unlock': {
    run(ctx) {
      const { w, t } = ctx;
      if (W.vhost.mmuLock.get(w) !== t) return say(ctx, 'Already unlocked before the copy_*_user fallback.');
      // The sleepers a release wakes are history, counted only by the stepper (`countingHistory`).
      if (countingHistory(ctx)) ctx.cost.sleeps += mutexWaiters(objectView(w, ctx.scenario), t);
      W.vhost.mmuLock.set(w, -1);
    },
  },
  'read-begin': {
    blocked(w) {
      const seq = W.vhost.seq.get(w);
      const itreeSeq = W.vhost.itreeSeq.get(w);
      return itreeSeq % 2 === 1 && seq === itreeSeq
        ? 'sleeps in mmu_interval_read_begin() until the invalidation of this range ends'
        : null;
    },
    run(ctx) {
      const seq = W.vhost.seq.get(ctx.w);
      W.threads.locals.seqSnap.set(ctx.w, ctx.t, seq);
      narrating(ctx) && say(ctx, `mmu_interval_read_begin returned ${seq}.`);
    },
  },
  'rcu-end': {
    blocked: (w, t, _i, names) => heldByOther(W.vhost.mmuLock.get(w), t, 'vq->mmu_lock', names),
    run(ctx) {
      const { w } = ctx;
      ctx.cost.locks += 1;
      if (overlapPagesAt(ctx, W.vhost.region.get(w), ctx.t).length === 0)
        return say(ctx, 'No overlap now: invalidate_count left as it is.');
      W.vhost.count.set(w, W.vhost.count.get(w) - 1);
      narrating(ctx) && say(ctx, `invalidate_count → ${W.vhost.count.get(w)}.`);
    },
  },
} satisfies Record<string, WordOp>;
