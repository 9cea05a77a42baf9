import { areaPages, userAccess } from '../access';
import type { OpCtx } from '../context';
import { say } from '../context';
import { frameAt, putRef, setDirty } from '../frames';
import { usedPages } from '../layout';
import { ringPageCount, servedVq } from '../pagetable';
import type { State } from '../types';
import { fallbackBlocked, localsOf, lockHolder, mightSleep, type Op, vmapSlotOf } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

const isWrite = (area: number) => area === 2;

/** The vq whose vmap the worker uses this round: V1's one long-term vmap covers every vq's ring. */
function mapVq(s: State): number {
  return s.scenario.design === 'vmap-pinned' ? 0 : servedVq(s);
}

function beginWrite(ctx: OpCtx, area: number): void {
  if (isWrite(area)) ctx.s.published += 1;
}

export const vhostOps = {
  'round-begin': onWords(WORD_OPS['round-begin']),
  'round-end': onWords(WORD_OPS['round-end']),
  gup: onWords(WORD_OPS.gup),
  'gup-locked': onWords(WORD_OPS['gup-locked']),
  unpin: {
    run(ctx) {
      const l = localsOf(ctx);
      const refs = l.refs;
      l.refs = [];
      for (const f of refs) putRef(ctx, f);
      if (refs.length > 0)
        say(
          ctx,
          `The pin on ${refs.length} page(s) is released; PG_dirty is left as it was (V1 calls no set_page_dirty).`,
        );
    },
  },
  'put-pages': onWords(WORD_OPS['put-pages']),
  vmap: onWords(WORD_OPS.vmap),
  vunmap: onWords(WORD_OPS.vunmap),
  'if-vmapped': onWords(WORD_OPS['if-vmapped']),
  'if-mapped': onWords(WORD_OPS['if-mapped']),
  uaccess: {
    blocked: (s, _t, i) => fallbackBlocked(s, i.arg, () => false),
    run(ctx) {
      beginWrite(ctx, ctx.instr.arg);
      for (const gp of areaPages(ctx.s, ctx.instr.arg)) userAccess(ctx, gp, isWrite(ctx.instr.arg));
    },
  },
  vload: onWords(WORD_OPS.vload),
  vaccess: onWords(WORD_OPS.vaccess),
  'dirty-lock': {
    blocked(s, _t, _i, names) {
      for (const f of vmappedUsedFrames(s)) {
        if (frameAt(s, f).locked)
          return `lock_page(frame #${f}) sleeps: PG_locked is held by ${lockHolder(s, f, names)}`;
      }
      return null;
    },
    run(ctx) {
      const frames = vmappedUsedFrames(ctx.s);
      if (frames.length > 0) mightSleep(ctx, 'set_page_dirty_lock()');
      const what = setDirty(ctx.s, frames);
      ctx.cost.locks += frames.length;
      if (frames.length > 0) say(ctx, `set_page_dirty_lock: ${what}`);
    },
  },
} satisfies Record<string, Op>;

function vmappedUsedFrames(s: State): number[] {
  const used = new Set(usedPages(s.scenario.ringSize));
  const n = ringPageCount(s);
  const slot = vmapSlotOf(s, mapVq(s));
  return [...new Set(s.vmalloc.filter((v) => v.slot === slot && used.has(v.page % n)).map((v) => v.frame))];
}
