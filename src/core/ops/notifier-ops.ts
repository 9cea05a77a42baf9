import { isIntervalDesign } from '../catalog';
import type { OpCtx } from '../context';
import { countingHistory, narrating, report, say } from '../context';
import { frameAt, setDirty } from '../frames';
import { usedPages } from '../layout';
import { ringPageCount } from '../pagetable';
import { programsOf } from '../programs/compile';
import type { State } from '../types';
import {
  heldByOther,
  holderName,
  jump,
  localsOf,
  lockHolder,
  mightSleep,
  mutexWaiters,
  type Op,
  overlapPages,
  pointedFrames,
  setVmapSlot,
  setVqMutex,
  takesMutex,
  vmapSlotOf,
  vqMutexOf,
} from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** The vq a per-vq callback step acts on (its `arg`; -1 is vq 0). */
const vqOf = (arg: number): number => Math.max(arg, 0);

const lockBlocked: Op['blocked'] = (s, t, _i, names) => heldByOther(s.vhost.mmuLock, t, 'vq->mmu_lock', names);

function usedOverlap(s: State, t: number): number[] {
  const used = new Set(usedPages(s.scenario.ringSize));
  const n = ringPageCount(s);
  return overlapPages(s, t).filter((slot) => used.has(slot % n));
}

function dirtyPointed(ctx: OpCtx): void {
  if (ctx.instr.bugs?.includes('skip-set-page-dirty')) return;
  const frames = pointedFrames(ctx.s, usedOverlap(ctx.s, ctx.t));
  const what = setDirty(ctx.s, frames);
  if (frames.length > 0) say(ctx, `set_page_dirty: ${what}`);
}

/** The design's own field for what the thread calls userringpage. */
const pointerField = (s: OpCtx['s']) => (s.scenario.design === 'direct-map-rcu' ? 'vq->maps[]' : 'vq->ptr');

function clearPointers(ctx: OpCtx): void {
  const pages = overlapPages(ctx.s, ctx.t);
  const cleared = pages.filter((p) => (ctx.s.vhost.ptr[p] ?? -1) >= 0);
  for (const p of pages) ctx.s.vhost.ptr[p] = -1;
  say(
    ctx,
    cleared.length > 0
      ? `userringpage (${pointerField(ctx.s)}) ${ctx.s.scenario.design === 'direct-map-rcu' ? 'set to NULL (rcu_assign_pointer)' : 'cleared'} for ring page(s) ${cleared.join(', ')}.`
      : 'No published userringpage in the range.',
  );
}

/** Runs a start callback's body; the `-hold` variant keeps the spinlock for set_page_dirty_lock. */
function startBody(ctx: OpCtx, hold: boolean, body: () => void): void {
  ctx.cost.locks += 1;
  body();
  if (hold) {
    ctx.s.vhost.mmuLock = ctx.t;
    return;
  }
  dirtyPointed(ctx);
  clearPointers(ctx);
}

function intervalStart(ctx: OpCtx): void {
  if (overlapPages(ctx.s, ctx.t).length === 0) {
    say(ctx, 'The range does not overlap the subscription: the interval tree does not call it.');
    return;
  }
  ctx.s.vhost.seq = ctx.s.vhost.itreeSeq;
  narrating(ctx) && say(ctx, `mmu_interval_set_seq → ${ctx.s.vhost.seq} (odd: invalidation in progress).`);
}

function rcuStart(ctx: OpCtx): void {
  const pages = overlapPages(ctx.s, ctx.t);
  if (pages.length === 0) {
    say(ctx, 'No overlap with the ring’s current address: the callback returns at once.');
    return;
  }
  ctx.s.vhost.count += 1;
  const live = pointedFrames(ctx.s, [...pages]).length > 0;
  localsOf(ctx).unpublished = live;
  say(
    ctx,
    `invalidate_count → ${ctx.s.vhost.count}${live ? '' : '; no map is live, so there is nothing to unpublish'}.`,
  );
}

function startOp(body: (ctx: OpCtx) => void, hold: boolean): Op {
  return { blocked: lockBlocked, run: (ctx) => startBody(ctx, hold, () => body(ctx)) };
}

/** The worker sleeps in mmu_interval_read_begin: its subscription's sequence is the odd one being invalidated. */
function readBeginAsleep(s: State): boolean {
  const worker = s.threads[0];
  const instr = worker ? programsOf(s.scenario)[0]?.instrs[worker.pc] : undefined;
  return !!worker && !worker.done && instr?.op === 'read-begin' && s.vhost.seq === s.vhost.itreeSeq;
}

/** A callback returned false: mn_itree_invalidate ends the interval-tree invalidation itself (mn_itree_inv_end). */
function itreeGiveUp(ctx: OpCtx): void {
  const v = ctx.s.vhost;
  localsOf(ctx).eagain = true;
  if (!isIntervalDesign(ctx.s.scenario.design)) return;
  v.itreeActive -= 1;
  if (v.itreeActive === 0 && v.itreeSeq % 2 === 1) {
    if (countingHistory(ctx) && readBeginAsleep(ctx.s)) ctx.cost.sleeps += 1;
    v.itreeSeq += 1;
  }
}

function mutexStartOp(hold: boolean): Op {
  return {
    blocked(s, t, i, names) {
      if (overlapPages(s, t).length === 0 || !takesMutex(i)) return null;
      const owner = s.vhost.mmuLock;
      return owner >= 0 && owner !== t
        ? `sleeps in mutex_lock(&vq->mmu_lock), held by ${holderName(names, owner)}`
        : null;
    },
    run(ctx) {
      if (overlapPages(ctx.s, ctx.t).length === 0) {
        say(ctx, 'The range does not overlap the subscription: the interval tree does not call it.');
        return;
      }
      const owner = ctx.s.vhost.mmuLock;
      if (!takesMutex(ctx.instr) && owner >= 0 && owner !== ctx.t) {
        itreeGiveUp(ctx);
        jump(ctx, ctx.instr.target);
        say(
          ctx,
          `mutex_trylock failed (${holderName(ctx.names, owner)} holds vq->mmu_lock): the callback returns false; mn_itree_invalidate ends this interval-tree invalidation itself (sequence ${ctx.s.vhost.itreeSeq}) and the caller gets -EAGAIN.`,
        );
        return;
      }
      if (takesMutex(ctx.instr)) mightSleep(ctx, 'mutex_lock()');
      startBody(ctx, hold, () => intervalStart(ctx));
    },
  };
}

export const notifierOps = {
  'mm-start': onWords(WORD_OPS['mm-start']),
  'mm-end': onWords(WORD_OPS['mm-end']),
  'eagain-if-nonblock': {
    run(ctx) {
      if (ctx.instr.ctx?.blockable !== false) return;
      itreeGiveUp(ctx);
      jump(ctx, ctx.instr.target);
      say(ctx, 'Non-blockable invalidation: the callback returns -EAGAIN.');
    },
  },
  'kseq-start': onWords(WORD_OPS['kseq-start']),
  'kseq-start-hold': onWords(WORD_OPS['kseq-start-hold']),
  'interval-invalidate': startOp(intervalStart, false),
  'interval-invalidate-hold': startOp(intervalStart, true),
  'imutex-invalidate': mutexStartOp(false),
  'imutex-invalidate-hold': mutexStartOp(true),
  'rcu-start': startOp(rcuStart, false),
  'rcu-start-hold': startOp(rcuStart, true),
  'dirty-lock-notifier': {
    blocked(s, t, _i, names) {
      for (const f of pointedFrames(s, usedOverlap(s, t))) {
        if (frameAt(s, f).locked)
          return `lock_page(frame #${f}) sleeps: PG_locked is held by ${lockHolder(s, f, names)}`;
      }
      return null;
    },
    run(ctx) {
      const frames = pointedFrames(ctx.s, usedOverlap(ctx.s, ctx.t));
      if (frames.length === 0) return say(ctx, 'No page to dirty: lock_page() is not called.');
      mightSleep(ctx, 'set_page_dirty_lock()');
      say(ctx, `set_page_dirty_lock: ${setDirty(ctx.s, frames)}`);
    },
  },
  'clear-unlock': {
    run(ctx) {
      clearPointers(ctx);
      if (countingHistory(ctx)) ctx.cost.sleeps += mutexWaiters(ctx.s, ctx.t);
      ctx.s.vhost.mmuLock = -1;
    },
  },
  'sync-rcu': {
    blocked(s, t, _i, names) {
      if (!s.threads[t]?.locals.unpublished) return null;
      const reader = s.threads.findIndex((th, i) => i !== t && th.locals.inRcu);
      return reader >= 0
        ? `synchronize_rcu() waits for ${names[reader] ?? 'a reader'} to leave its RCU read section`
        : null;
    },
    run(ctx) {
      const l = localsOf(ctx);
      if (!l.unpublished) return say(ctx, 'No live map was unpublished: synchronize_rcu() is not called.');
      l.unpublished = false;
      mightSleep(ctx, 'synchronize_rcu()');
      report(
        ctx,
        'rcu-latency',
        [],
        'invalidate_range_start unpublished a live map and then waited in synchronize_rcu(): synchronize_rcu has very high latency on a busy system, so one guest can slow the munmap, reclaim and migration of every other VM’s memory (the cross-VM DoS mst described).',
        'Keep the notifier short: a spinlock (or mmu_interval_read_retry under a driver lock), never a grace period.',
      );
    },
  },
  'rcu-end': onWords(WORD_OPS['rcu-end']),
  'kseq-end': onWords(WORD_OPS['kseq-end']),
  'inv-mutex-lock': {
    blocked: (s, t, i, names) => heldByOther(vqMutexOf(s, vqOf(i.arg)), t, 'vq->mutex', names),
    run(ctx) {
      mightSleep(ctx, 'mutex_lock()');
      setVqMutex(ctx.s, vqOf(ctx.instr.arg), ctx.t);
    },
  },
  'inv-vunmap': {
    run(ctx) {
      const { s } = ctx;
      const vq = vqOf(ctx.instr.arg);
      const slot = vmapSlotOf(s, vq);
      const overlap = new Set(overlapPages(s, ctx.t));
      const hit = s.vmalloc.some((v) => v.slot === slot && overlap.has(v.page));
      if (!hit) return say(ctx, 'No vmap of the ring overlaps the range.');
      mightSleep(ctx, 'vunmap()');
      s.vmalloc = s.vmalloc.filter((v) => v.slot !== slot);
      setVmapSlot(s, vq, -1);
      say(ctx, 'vq->map torn down: vmalloc PTEs cleared, kernel TLB entries left for the lazy purge.');
    },
  },
  'inv-mutex-unlock': {
    run(ctx) {
      setVqMutex(ctx.s, vqOf(ctx.instr.arg), -1);
    },
  },
} satisfies Record<string, Op>;
