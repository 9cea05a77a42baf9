import { areaPages, directAccess, userAccess } from '../access';
import type { OpCtx } from '../context';
import { narrating, say } from '../context';
import { ptrSlot, ringPageCount, servedVq } from '../pagetable';
import type { ThreadLocals } from '../types';
import { fallbackBlocked, heldByOther, jump, localsOf, type Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

const isWrite = (area: number) => area === 2;

/** One ring access through the published pointer (direct map), or copy_*_user where it is NULL. */
function accessArea(ctx: OpCtx, frameFor: (lp: number) => number): void {
  const area = ctx.instr.arg;
  if (isWrite(area)) ctx.s.published += 1;
  for (const gp of areaPages(ctx.s, area)) {
    const f = frameFor(ptrSlot(ctx.s, gp));
    if (f >= 0) directAccess(ctx, f, gp, isWrite(area));
    else userAccess(ctx, gp, isWrite(area));
  }
}

/** Publishes the gup pages of the served vq only: the other vq's pointers stay as they are. */
function publish(ctx: OpCtx, l: ThreadLocals): number[] {
  const n = ringPageCount(ctx.s);
  const vq = servedVq(ctx.s);
  const frames: number[] = [];
  l.pages.forEach((f, slot) => {
    if (Math.floor(slot / n) !== vq) return;
    ctx.s.vhost.ptr[slot] = f;
    frames.push(f);
  });
  l.pages = l.pages.map(() => -1);
  return [...new Set(frames)];
}

export const fastpathOps = {
  'read-seq': onWords(WORD_OPS['read-seq']),
  'read-begin': onWords(WORD_OPS['read-begin']),
  'check-publish': onWords(WORD_OPS['check-publish']),
  kaccess: onWords(WORD_OPS.kaccess),
  'worker-unlock': onWords(WORD_OPS['worker-unlock']),
  'rcu-prefetch': {
    blocked: (s, t, _i, names) => heldByOther(s.vhost.mmuLock, t, 'vq->mmu_lock', names),
    run(ctx) {
      const v = ctx.s.vhost;
      v.mmuLock = ctx.t;
      ctx.cost.locks += 1;
      const skip = ctx.instr.bugs?.includes('skip-seq-check') ?? false;
      if (!skip && v.count !== 0) {
        ctx.cost.retries += 1;
        v.mmuLock = -1;
        jump(ctx, ctx.instr.target);
        narrating(ctx) && say(ctx, `invalidate_count is ${v.count}: no map this round, copy_*_user instead.`);
      }
    },
  },
  'rcu-publish': {
    run(ctx) {
      const frames = publish(ctx, localsOf(ctx));
      ctx.s.vhost.mmuLock = -1;
      narrating(ctx) && say(ctx, `Maps published → frame #${frames.join(', #')}.`);
    },
  },
  'rcu-deref': {
    run(ctx) {
      const l = localsOf(ctx);
      const pages = areaPages(ctx.s, ctx.instr.arg).map((gp) => ptrSlot(ctx.s, gp));
      for (const lp of pages) l.pages[lp] = ctx.s.vhost.ptr[lp] ?? -1;
      l.inRcu = pages.every((lp) => (l.pages[lp] ?? -1) >= 0);
      say(
        ctx,
        l.inRcu ? 'Map found: reading inside the RCU section.' : 'Map is NULL: rcu_read_unlock, then copy_*_user.',
      );
    },
  },
  'rcu-access': {
    blocked: (s, t, i) => fallbackBlocked(s, i.arg, (lp) => (s.threads[t]?.locals.pages[lp] ?? -1) >= 0),
    run(ctx) {
      const l = localsOf(ctx);
      accessArea(ctx, (lp) => l.pages[lp] ?? -1);
      for (const gp of areaPages(ctx.s, ctx.instr.arg)) l.pages[ptrSlot(ctx.s, gp)] = -1;
      l.inRcu = false;
    },
  },
} satisfies Record<string, Op>;
