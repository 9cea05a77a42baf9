import { narrating, say } from '../../context';
import { W } from '../../schema/state-words';
import { firstFrameOf, flushUserTlb, lockHolder, pagesText, putRef, targetsOf } from './word-memory';
import type { WordOp } from './word-op';

/** The page operations' ops on words (their object versions were in `mm-ops.ts`). */

const P = W.threads.locals.pages;
const NONE: readonly string[] = [];

/** This thread's pages that are free now, as narration (a helper: a closure in an op's body costs a context per step). */
function freePagesText(w: Int32Array, t: number): string[] {
  return pagesText(w, t, (f) => W.frames.owner.get(w, f) === 'free');
}

/** The first target frame that lock_page would wait for, or -1 (`pagesToLock` + PG_locked). */
function lockedTarget(w: Int32Array, targets: readonly number[]): number {
  for (let i = 0; i < targets.length; i++) {
    const f = firstFrameOf(w, targets, i);
    if (f >= 0 && W.frames.owner.get(w, f) === 'qemu-ring' && W.frames.locked.get(w, f)) return f;
  }
  return -1;
}

export const WORD_MM_OPS = {
  'lock-page': {
    blocked(w, t, _i, names, scenario) {
      const f = lockedTarget(w, targetsOf(scenario, t));
      return f < 0 ? null : `lock_page(frame #${f}) waits: PG_locked is held by ${lockHolder(w, f, names)}`;
    },
    run(ctx) {
      const { w, t } = ctx;
      const targets = targetsOf(ctx.scenario, t);
      P.setLength(w, t, 0);
      for (let i = 0; i < targets.length; i++) {
        const f = firstFrameOf(w, targets, i);
        if (f < 0 || W.frames.owner.get(w, f) !== 'qemu-ring') continue;
        W.frames.locked.set(w, f, true);
        W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) + 1);
        const n = P.length(w, t);
        P.setLength(w, t, n + 1);
        P.set(w, t, n, f);
      }
      if (P.length(w, t) === 0) {
        // The page operation starts from a page; with none mapped there is nothing to lock and no notifier call.
        W.threads.locals.aborted.set(w, t, true);
        W.threads.pc.set(w, t, ctx.instr.target);
        return say(ctx, 'No ring page is mapped here: there is no page to lock, so nothing is done.');
      }
      narrating(ctx) && say(ctx, `Took a reference and PG_locked on frame #${pagesText(w, t).join(', #')}.`);
    },
  },
  'tlb-flush': {
    run(ctx) {
      flushUserTlb(ctx, targetsOf(ctx.scenario, ctx.t));
      say(ctx, 'TLB shootdown: CPU0’s user entries for the range are gone.');
    },
  },
  'free-batch': {
    run(ctx) {
      const { w, t } = ctx;
      const R = W.threads.locals.refs;
      const oom = ctx.scenario.mm[t - 1]?.kind === 'oom-reap';
      for (let i = 0; i < R.length(w, t); i++) {
        const f = R.get(w, t, i);
        putRef(ctx, f);
        if (W.frames.owner.get(w, f) === 'free') continue;
        // The OOM reaper's victim is exiting: nobody will read the page again, so it is not an orphan of a live guest.
        if (!oom) W.frames.owner.set(w, f, 'orphan');
        narrating(ctx) &&
          say(ctx, `frame #${f} still has ${W.frames.refcount.get(w, f)} reference(s): unmapped but alive.`);
      }
      R.setLength(w, t, 0);
    },
  },
  reuse: {
    run(ctx) {
      const { w, t } = ctx;
      const reused = narrating(ctx) ? freePagesText(w, t) : NONE;
      for (let i = 0; i < P.length(w, t); i++) {
        const f = P.get(w, t, i);
        if (W.frames.owner.get(w, f) !== 'free') continue;
        W.frames.owner.set(w, f, 'reused-by-other');
        W.frames.refcount.set(w, f, 1);
        W.frames.mapcount.set(w, f, 0);
        W.frames.usedIdx.set(w, f, 0);
      }
      narrating(ctx) &&
        say(
          ctx,
          reused.length > 0
            ? `frame #${reused.join(', #')} now belongs to another task.`
            : 'No freed frame to hand out.',
        );
    },
  },
  'unlock-page': {
    run(ctx) {
      const { w, t } = ctx;
      const freed = narrating(ctx) ? freePagesText(w, t) : NONE;
      for (let i = 0; i < P.length(w, t); i++) {
        const f = P.get(w, t, i);
        W.frames.locked.set(w, f, false);
        if (W.frames.owner.get(w, f) !== 'free') putRef(ctx, f);
      }
      say(
        ctx,
        freed.length > 0
          ? `PG_locked cleared; frame #${freed.join(', #')} goes to the free list (__remove_mapping froze its last reference).`
          : 'PG_locked cleared and our reference dropped.',
      );
    },
  },
  'unlock-free': {
    run(ctx) {
      const { w, t } = ctx;
      for (let i = 0; i < P.length(w, t); i++) {
        const f = P.get(w, t, i);
        W.frames.locked.set(w, f, false);
        putRef(ctx, f);
      }
      if (W.threads.locals.aborted.get(ctx.w, ctx.t))
        say(ctx, 'Unlocked and our reference dropped; the page stays where it was.');
    },
  },
} satisfies Record<string, WordOp>;
