import { isIntervalDesign } from '../../catalog';
import { narrating, say } from '../../context';
import { W } from '../../schema/state-words';
import { heldByOther, holderName, takesMutex } from '../shared';
import { itreeInvEnd, jumpTo, mightSleepOnWords } from './word-context';
import { clearPointers, dirtyUsedPointed, overlapOf } from './word-notifier-ops';
import type { WordCtx, WordOp } from './word-op';

/** The invalidate_range_start callbacks of the interval, interval-mutex and RCU designs, and -EAGAIN, on words. */

/** Runs a start callback's body; the `-hold` variant keeps the spinlock for set_page_dirty_lock. */
function startBody(ctx: WordCtx, hold: boolean, body: (ctx: WordCtx) => void): void {
  ctx.cost.locks += 1;
  body(ctx);
  if (hold) {
    W.vhost.mmuLock.set(ctx.w, ctx.t);
    return;
  }
  if (!ctx.instr.bugs?.includes('skip-set-page-dirty')) dirtyUsedPointed(ctx, 'set_page_dirty');
  clearPointers(ctx);
}

function intervalStart(ctx: WordCtx): void {
  const { w } = ctx;
  if (overlapOf(ctx).length === 0) {
    say(ctx, 'The range does not overlap the subscription: the interval tree does not call it.');
    return;
  }
  W.vhost.seq.set(w, W.vhost.itreeSeq.get(w));
  narrating(ctx) && say(ctx, `mmu_interval_set_seq → ${W.vhost.seq.get(w)} (odd: invalidation in progress).`);
}

function rcuStart(ctx: WordCtx): void {
  const { w } = ctx;
  const pages = overlapOf(ctx);
  if (pages.length === 0) {
    say(ctx, 'No overlap with the ring’s current address: the callback returns at once.');
    return;
  }
  W.vhost.count.set(w, W.vhost.count.get(w) + 1);
  let live = false;
  for (const p of pages) if (W.vhost.ptr.get(w, p) >= 0) live = true;
  W.threads.locals.unpublished.set(w, ctx.t, live);
  narrating(ctx) &&
    say(
      ctx,
      `invalidate_count → ${W.vhost.count.get(w)}${live ? '' : '; no map is live, so there is nothing to unpublish'}.`,
    );
}

function startOp(body: (ctx: WordCtx) => void, hold: boolean): WordOp {
  return {
    blocked: (w, t, _i, names) => heldByOther(W.vhost.mmuLock.get(w), t, 'vq->mmu_lock', names),
    run: (ctx) => startBody(ctx, hold, body),
  };
}

/** A callback returned false: mn_itree_invalidate ends the interval-tree invalidation itself (mn_itree_inv_end). */
function itreeGiveUp(ctx: WordCtx): void {
  const { w } = ctx;
  W.threads.locals.eagain.set(w, ctx.t, true);
  if (isIntervalDesign(ctx.scenario.design)) itreeInvEnd(ctx);
}

function mutexStartOp(hold: boolean): WordOp {
  return {
    blocked(w, t, i, names, scenario) {
      if (overlapOf({ w, t, scenario }).length === 0 || !takesMutex(i)) return null;
      const owner = W.vhost.mmuLock.get(w);
      return owner >= 0 && owner !== t
        ? `sleeps in mutex_lock(&vq->mmu_lock), held by ${holderName(names, owner)}`
        : null;
    },
    run(ctx) {
      const { w, t } = ctx;
      if (overlapOf(ctx).length === 0)
        return say(ctx, 'The range does not overlap the subscription: the interval tree does not call it.');
      const owner = W.vhost.mmuLock.get(w);
      if (!takesMutex(ctx.instr) && owner >= 0 && owner !== t) {
        itreeGiveUp(ctx);
        jumpTo(ctx, ctx.instr.target);
        narrating(ctx) &&
          say(
            ctx,
            `mutex_trylock failed (${holderName(ctx.names, owner)} holds vq->mmu_lock): the callback returns false; mn_itree_invalidate ends this interval-tree invalidation itself (sequence ${W.vhost.itreeSeq.get(w)}) and the caller gets -EAGAIN.`,
          );
        return;
      }
      if (takesMutex(ctx.instr)) mightSleepOnWords(ctx, 'mutex_lock()');
      startBody(ctx, hold, intervalStart);
    },
  };
}

export const WORD_INVALIDATE_OPS = {
  'eagain-if-nonblock': {
    run(ctx) {
      if (ctx.instr.ctx?.blockable !== false) return;
      itreeGiveUp(ctx);
      jumpTo(ctx, ctx.instr.target);
      say(ctx, 'Non-blockable invalidation: the callback returns -EAGAIN.');
    },
  },
  'interval-invalidate': startOp(intervalStart, false),
  'interval-invalidate-hold': startOp(intervalStart, true),
  'imutex-invalidate': mutexStartOp(false),
  'imutex-invalidate-hold': mutexStartOp(true),
  'rcu-start': startOp(rcuStart, false),
  'rcu-start-hold': startOp(rcuStart, true),
} satisfies Record<string, WordOp>;
