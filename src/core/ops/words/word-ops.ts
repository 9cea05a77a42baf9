import { isIntervalDesign, mmuLockIsMutex } from '../../catalog';
import { narrating, say } from '../../context';
import { ringPageCount, servedVqAt } from '../../pagetable';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { heldByOther, overlapPagesAt } from '../shared';
import { WORD_ACCESS_OPS } from './word-access';
import { WORD_CALLBACK_OPS } from './word-callback-ops';
import { itreeInvEnd } from './word-context';
import { WORD_EXIT_OPS } from './word-exit-ops';
import { WORD_FORK_OPS } from './word-fork-ops';
import { WORD_GUP_OPS } from './word-gup';
import { WORD_INVALIDATE_OPS } from './word-invalidate-ops';
import { WORD_IOCTL_OPS } from './word-ioctl-ops';
import { WORD_KSM_THP_OPS } from './word-ksm-ops';
import { WORD_LOCK_OPS } from './word-lock-ops';
import { putRef } from './word-memory';
import { WORD_MIGRATE_OPS } from './word-migrate-ops';
import { WORD_MM_OPS } from './word-mm-ops';
import { WORD_NOTIFIER_OPS } from './word-notifier-ops';
import type { WordCtx, WordOp } from './word-op';
import { WORD_RCU_OPS } from './word-rcu-ops';
import { WORD_RECLAIM_OPS } from './word-reclaim-ops';
import { WORD_VHOST_OPS } from './word-vhost-ops';
import { WORD_VMAP_OPS } from './word-vmap-ops';
import { WORD_WRITEBACK_OPS } from './word-writeback-ops';

/**
 * The ops written once against the state's words (the hottest on the stress scenario first); `onWords` gives the
 * stepper each as an object `Op`, so there is one body per op. Every other op still runs on objects.
 */

const servedVq = (w: Int32Array, scenario: Scenario) => servedVqAt(scenario, W.threads.locals.round.get(w, 0));
const vqMutexOf = (w: Int32Array, vq: number) => (vq === 1 ? W.vhost.vqMutex1.get(w) : W.vhost.vqMutex.get(w));
const setVqMutex = (w: Int32Array, vq: number, t: number) =>
  vq === 1 ? W.vhost.vqMutex1.set(w, t) : W.vhost.vqMutex.set(w, t);
const overlaps = (ctx: WordCtx) => overlapPagesAt(ctx, W.vhost.region.get(ctx.w), ctx.t).length > 0;

const mmuLockBlocked: WordOp['blocked'] = (w, t, _i, names) =>
  heldByOther(W.vhost.mmuLock.get(w), t, 'vq->mmu_lock', names);

const VHOST_WORD_OPS = {
  'round-begin': {
    blocked: (w, t, _i, names, scenario) => heldByOther(vqMutexOf(w, servedVq(w, scenario)), t, 'vq->mutex', names),
    run(ctx) {
      const vq = servedVq(ctx.w, ctx.scenario);
      setVqMutex(ctx.w, vq, ctx.t);
      ctx.cost.locks += 1;
      const which = (ctx.scenario.vqs ?? 1) > 1 ? ` (vq ${vq})` : '';
      narrating(ctx) &&
        say(ctx, `Round ${W.threads.locals.round.get(ctx.w, ctx.t) + 1} of ${ctx.scenario.rounds} begins${which}.`);
    },
  },
  'round-end': {
    run(ctx) {
      const { w, t } = ctx;
      setVqMutex(w, servedVq(w, ctx.scenario), -1);
      const round = W.threads.locals.round.get(w, t) + 1;
      W.threads.locals.round.set(w, t, round);
      if (round < ctx.scenario.rounds) W.threads.pc.set(w, t, ctx.instr.target);
      narrating(ctx) && say(ctx, `Round ${round} done; used.idx published so far: ${W.published.get(w)}.`);
    },
  },
  'put-pages': {
    run(ctx) {
      const { w, t } = ctx;
      const R = W.threads.locals.refs;
      const n = R.length(w, t);
      for (let i = 0; i < n; i++) putRef(ctx, R.get(w, t, i));
      R.setLength(w, t, 0);
      if (n > 0)
        narrating(ctx) && say(ctx, `Dropped ${n} page reference(s); nothing holds the ring pages for vhost now.`);
    },
  },
  'if-mapped': {
    run(ctx) {
      const { w } = ctx;
      const n = ringPageCount(ctx);
      const vq = servedVq(w, ctx.scenario);
      for (let slot = 0; slot < W.vhost.ptr.length(w); slot++)
        if (W.vhost.ptr.get(w, slot) < 0 && Math.floor(slot / n) === vq) return;
      W.threads.pc.set(w, ctx.t, ctx.instr.target);
      say(
        ctx,
        `userringpage (${ctx.scenario.design === 'direct-map-rcu' ? 'vq->maps[]' : 'vq->ptr'}) is valid: no gup needed.`,
      );
    },
  },
  'check-publish': {
    blocked: mmuLockBlocked,
    run(ctx) {
      const { w, t } = ctx;
      const P = W.threads.locals.pages;
      ctx.cost.locks += 1;
      const skip = ctx.instr.bugs?.includes('skip-seq-check') ?? false;
      const snap = W.threads.locals.seqSnap.get(w, t);
      const count = W.vhost.count.get(w);
      const seq = W.vhost.seq.get(w);
      const retry = ctx.scenario.design === 'kmap-seq' ? count !== 0 || seq !== snap : seq !== snap;
      if (!skip && retry) {
        ctx.cost.retries += 1;
        for (let i = 0; i < P.length(w, t); i++) P.set(w, t, i, -1);
        W.threads.pc.set(w, t, ctx.instr.target);
        narrating(ctx) &&
          say(
            ctx,
            ctx.scenario.design === 'kmap-seq'
              ? `Retry: an invalidation raced with gup_fast (count ${count}, seq ${seq} vs snapshot ${snap}); gup_fast again.`
              : `Retry: mmu_interval_read_retry finds the subscription's sequence at ${seq}, not the snapshot ${snap}: an invalidation ran since mmu_interval_read_begin; gup_fast again.`,
          );
        return;
      }
      // Publishes the gup pages of the served vq only: the other vq's pointers stay as they are.
      const n = ringPageCount(ctx);
      const vq = servedVq(w, ctx.scenario);
      const frames: number[] | null = narrating(ctx) ? [] : null;
      for (let slot = 0; slot < P.length(w, t); slot++) {
        const f = P.get(w, t, slot);
        if (Math.floor(slot / n) !== vq) continue;
        W.vhost.ptr.set(w, slot, f);
        if (frames && !frames.includes(f)) frames.push(f);
      }
      for (let i = 0; i < P.length(w, t); i++) P.set(w, t, i, -1);
      // In the mutex variant the worker keeps vq->mmu_lock until its own unlock step.
      if (mmuLockIsMutex(ctx.scenario.design)) W.vhost.mmuLock.set(w, t);
      frames &&
        say(
          ctx,
          `Published userringpage (vq->ptr) → frame #${frames.join(', #')}${skip ? ' without any retry check' : ''}.`,
        );
    },
  },
  'read-seq': {
    run(ctx) {
      const seq = W.vhost.seq.get(ctx.w);
      W.threads.locals.seqSnap.set(ctx.w, ctx.t, seq);
      narrating(ctx) && say(ctx, `Snapshot mmu_seq = ${seq}.`);
    },
  },
  'mm-end': {
    run(ctx) {
      if (!isIntervalDesign(ctx.scenario.design) || !itreeInvEnd(ctx)) return;
      const seq = W.vhost.itreeSeq.get(ctx.w);
      narrating(ctx) && say(ctx, `Last active invalidation ended: sequence → ${seq} (even), waiters woken.`);
    },
  },
  'kseq-end': {
    blocked: mmuLockBlocked,
    run(ctx) {
      const { w } = ctx;
      ctx.cost.locks += 1;
      const rangeDep = ctx.instr.bugs?.includes('range-dependent-count') ?? false;
      if (rangeDep && !overlaps(ctx)) return say(ctx, 'No overlap now: seq and count untouched.');
      W.vhost.seq.set(w, W.vhost.seq.get(w) + 1);
      W.vhost.count.set(w, W.vhost.count.get(w) - 1);
      narrating(ctx) && say(ctx, `mmu_seq → ${W.vhost.seq.get(w)}, count → ${W.vhost.count.get(w)}.`);
    },
  },
} satisfies Record<string, WordOp>;

/** Every op written on words. */
export const WORD_OPS = {
  ...VHOST_WORD_OPS,
  ...WORD_NOTIFIER_OPS,
  ...WORD_MM_OPS,
  ...WORD_RECLAIM_OPS,
  ...WORD_MIGRATE_OPS,
  ...WORD_GUP_OPS,
  ...WORD_ACCESS_OPS,
  ...WORD_LOCK_OPS,
  ...WORD_VHOST_OPS,
  ...WORD_FORK_OPS,
  ...WORD_EXIT_OPS,
  ...WORD_KSM_THP_OPS,
  ...WORD_WRITEBACK_OPS,
  ...WORD_IOCTL_OPS,
  ...WORD_RCU_OPS,
  ...WORD_VMAP_OPS,
  ...WORD_CALLBACK_OPS,
  ...WORD_INVALIDATE_OPS,
};

export type WordOpName = keyof typeof WORD_OPS;
