import { areaPages, gupSlowFault, userAccess, vmallocAccess } from '../access';
import type { OpCtx } from '../context';
import { narrating, say } from '../context';
import { frameAt, putRef, setDirty } from '../frames';
import { usedPages } from '../layout';
import { gpage, pteAt, ringPageCount, servedVq, vqRegion, vqsOf } from '../pagetable';
import type { State } from '../types';
import { fallbackBlocked, jump, localsOf, lockHolder, mightSleep, type Op, setVmapSlot, vmapSlotOf } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

const isWrite = (area: number) => area === 2;

/** The vq whose vmap the worker uses this round: V1's one long-term vmap covers every vq's ring. */
function mapVq(s: State): number {
  return s.scenario.design === 'vmap-pinned' ? 0 : servedVq(s);
}

/** The vqs whose rings this gup walks: the served one, or every vq for V1's pin at set-up. */
function gupVqs(s: State): number[] {
  return s.scenario.design === 'vmap-pinned' ? Array.from({ length: vqsOf(s.scenario) }, (_, v) => v) : [servedVq(s)];
}

function beginWrite(ctx: OpCtx, area: number): void {
  if (isWrite(area)) ctx.s.published += 1;
}

function gup(ctx: OpCtx, underLock: boolean): void {
  const { s } = ctx;
  const l = localsOf(ctx);
  const n = ringPageCount(s);
  const writable = new Set(usedPages(s.scenario.ringSize));
  ctx.cost.gupCalls += 1;
  const walk = gupVqs(s).flatMap((vq) =>
    Array.from({ length: n }, (_, p) => ({ p, slot: vq * n + p, gp: gpage(s, vqRegion(s, vq), p) })),
  );
  for (const { p, gp } of walk) {
    // V1 calls get_user_pages_fast, whose slow path faults the page in and pins it: there is no later round to retry.
    if (s.scenario.design === 'vmap-pinned' && !(pteAt(s, gp).present && (!writable.has(p) || pteAt(s, gp).writable)))
      gupSlowFault(ctx, gp, writable.has(p));
    const pte = pteAt(s, gp);
    if (!pte.present || (writable.has(p) && !pte.writable)) {
      l.pages = l.pages.map(() => -1);
      if (underLock) s.vhost.mmuLock = -1;
      const why = pte.present ? 'read-only PTE' : 'no present PTE';
      say(
        ctx,
        underLock
          ? `__get_user_pages_fast failed on ring page ${p} (${why}); it has no slow path: copy_*_user this round.`
          : `The lockless walk failed on ring page ${p} (${why}): get_user_pages_fast would fault it in on the slow path; here this round uses copy_*_user, whose fault does the same.`,
      );
      jump(ctx, ctx.instr.target);
      return;
    }
  }
  for (const { slot, gp } of walk) {
    const f = pteAt(s, gp).frame;
    frameAt(s, f).refcount += 1;
    l.pages[slot] = f;
    l.refs.push(f);
  }
  narrating(ctx) && say(ctx, `gup_fast took a reference on frame(s) #${[...new Set(l.refs)].join(', #')}.`);
}

export const vhostOps = {
  'round-begin': onWords(WORD_OPS['round-begin']),
  'round-end': onWords(WORD_OPS['round-end']),
  gup: { run: (ctx) => gup(ctx, false) },
  'gup-locked': { run: (ctx) => gup(ctx, true) },
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
  vmap: {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      if (!l.pages.some((f) => f >= 0)) return say(ctx, 'No pages to map.');
      mightSleep(ctx, 'vmap()');
      const slot = s.vhost.nextSlot;
      s.vhost.nextSlot += 1;
      l.pages.forEach((frame, page) => {
        if (frame >= 0) s.vmalloc.push({ slot, page, frame });
      });
      ctx.cost.ptesWritten += l.pages.filter((f) => f >= 0).length;
      setVmapSlot(s, mapVq(s), slot);
      l.mapSlot = slot;
      if (s.scenario.design !== 'vmap-pinned') l.pages = l.pages.map(() => -1);
      narrating(ctx) && say(ctx, `vmap wrote ${ctx.cost.ptesWritten} vmalloc PTE(s) (4K each) in slot ${slot}.`);
    },
  },
  vunmap: {
    run(ctx) {
      const { s } = ctx;
      mightSleep(ctx, 'vunmap()');
      s.vmalloc = s.vmalloc.filter((v) => v.slot !== s.vhost.vmapSlot);
      s.vhost.vmapSlot = -1;
      localsOf(ctx).mapSlot = -1;
      say(ctx, 'vmalloc PTEs cleared; the TLB flush waits for the lazy purge.');
    },
  },
  'if-vmapped': {
    run(ctx) {
      if (vmapSlotOf(ctx.s, mapVq(ctx.s)) >= 0) jump(ctx, ctx.instr.target);
    },
  },
  'if-mapped': onWords(WORD_OPS['if-mapped']),
  uaccess: {
    blocked: (s, _t, i) => fallbackBlocked(s, i.arg, () => false),
    run(ctx) {
      beginWrite(ctx, ctx.instr.arg);
      for (const gp of areaPages(ctx.s, ctx.instr.arg)) userAccess(ctx, gp, isWrite(ctx.instr.arg));
    },
  },
  vload: {
    run(ctx) {
      const slot = vmapSlotOf(ctx.s, mapVq(ctx.s));
      localsOf(ctx).mapSlot = slot;
      say(ctx, slot >= 0 ? `map = vmap slot ${slot}.` : 'vq->map is NULL: copy_*_user this round.');
    },
  },
  vaccess: {
    blocked: (s, t, i) => ((s.threads[t]?.locals.mapSlot ?? -1) >= 0 ? null : fallbackBlocked(s, i.arg, () => false)),
    run(ctx) {
      const { s } = ctx;
      const area = ctx.instr.arg;
      const slot = localsOf(ctx).mapSlot;
      beginWrite(ctx, area);
      for (const gp of areaPages(s, area)) {
        if (slot >= 0) vmallocAccess(ctx, slot, gp, isWrite(area));
        else userAccess(ctx, gp, isWrite(area));
      }
    },
  },
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
