import { areaPages, userAccess, vmallocAccess } from '../access';
import type { OpCtx } from '../context';
import { narrating, say } from '../context';
import { frameAt, putRef } from '../frames';
import { usedPages } from '../layout';
import { gpage, pteAt, ringPageCount } from '../pagetable';
import type { State } from '../types';
import { fallbackBlocked, heldByOther, jump, localsOf, lockHolder, mightSleep, type Op } from './shared';

const isWrite = (area: number) => area === 2;

function beginWrite(ctx: OpCtx, area: number): void {
  if (isWrite(area)) ctx.s.published += 1;
}

function gup(ctx: OpCtx, underLock: boolean): void {
  const { s } = ctx;
  const l = localsOf(ctx);
  const n = ringPageCount(s);
  const writable = new Set(usedPages(s.scenario.ringSize));
  ctx.cost.gupCalls += 1;
  for (let p = 0; p < n; p++) {
    const pte = pteAt(s, gpage(s, s.vhost.region, p));
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
  for (let p = 0; p < n; p++) {
    const f = pteAt(s, gpage(s, s.vhost.region, p)).frame;
    frameAt(s, f).refcount += 1;
    l.pages[p] = f;
    l.refs.push(f);
  }
  narrating(ctx) && say(ctx, `gup_fast took a reference on frame(s) #${[...new Set(l.refs)].join(', #')}.`);
}

export const vhostOps = {
  'round-begin': {
    blocked: (s, t, _i, names) => heldByOther(s.vhost.vqMutex, t, 'vq->mutex', names),
    run(ctx) {
      ctx.s.vhost.vqMutex = ctx.t;
      ctx.cost.locks += 1;
      narrating(ctx) && say(ctx, `Round ${localsOf(ctx).round + 1} of ${ctx.s.scenario.rounds} begins.`);
    },
  },
  'round-end': {
    run(ctx) {
      ctx.s.vhost.vqMutex = -1;
      const l = localsOf(ctx);
      l.round += 1;
      if (l.round < ctx.s.scenario.rounds) jump(ctx, ctx.instr.target);
      narrating(ctx) && say(ctx, `Round ${l.round} done; used.idx published so far: ${ctx.s.published}.`);
    },
  },
  gup: { run: (ctx) => gup(ctx, false) },
  'gup-locked': { run: (ctx) => gup(ctx, true) },
  'unpin-dirty': {
    run(ctx) {
      const l = localsOf(ctx);
      const used = new Set(usedPages(ctx.s.scenario.ringSize));
      const written = new Set(l.pages.filter((f, page) => f >= 0 && used.has(page)));
      for (const f of written) frameAt(ctx.s, f).dirty = true;
      const refs = l.refs;
      l.refs = [];
      for (const f of refs) putRef(ctx, f);
      if (refs.length > 0)
        say(
          ctx,
          `set_page_dirty_lock on frame #${[...written].join(', #')}, then the pin on ${refs.length} page(s) is released.`,
        );
    },
  },
  'put-pages': {
    run(ctx) {
      const l = localsOf(ctx);
      const refs = l.refs;
      l.refs = [];
      for (const f of refs) putRef(ctx, f);
      if (refs.length > 0)
        narrating(ctx) &&
          say(ctx, `Dropped ${refs.length} page reference(s); nothing holds the ring pages for vhost now.`);
    },
  },
  vmap: {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      if ((l.pages[0] ?? -1) < 0) return say(ctx, 'No pages to map.');
      mightSleep(ctx, 'vmap()');
      const slot = s.vhost.nextSlot;
      s.vhost.nextSlot += 1;
      l.pages.forEach((frame, page) => {
        s.vmalloc.push({ slot, page, frame });
      });
      ctx.cost.ptesWritten += l.pages.length;
      s.vhost.vmapSlot = slot;
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
      if (ctx.s.vhost.vmapSlot >= 0) jump(ctx, ctx.instr.target);
    },
  },
  'if-mapped': {
    run(ctx) {
      if (ctx.s.vhost.ptr.every((f) => f >= 0)) {
        jump(ctx, ctx.instr.target);
        say(
          ctx,
          `userringpage (${ctx.s.scenario.design === 'direct-map-rcu' ? 'vq->maps[]' : 'vq->ptr'}) is valid: no gup needed.`,
        );
      }
    },
  },
  uaccess: {
    blocked: (s, _t, i) => fallbackBlocked(s, i.arg, () => false),
    run(ctx) {
      beginWrite(ctx, ctx.instr.arg);
      for (const gp of areaPages(ctx.s, ctx.instr.arg)) userAccess(ctx, gp, isWrite(ctx.instr.arg));
    },
  },
  vload: {
    run(ctx) {
      localsOf(ctx).mapSlot = ctx.s.vhost.vmapSlot;
      say(
        ctx,
        ctx.s.vhost.vmapSlot >= 0
          ? `map = vmap slot ${ctx.s.vhost.vmapSlot}.`
          : 'vq->map is NULL: copy_*_user this round.',
      );
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
      for (const f of frames) frameAt(ctx.s, f).dirty = true;
      ctx.cost.locks += frames.length;
      if (frames.length > 0) narrating(ctx) && say(ctx, `PG_dirty set on frame #${frames.join(', #')}.`);
    },
  },
} satisfies Record<string, Op>;

function vmappedUsedFrames(s: State): number[] {
  const used = new Set(usedPages(s.scenario.ringSize));
  return [...new Set(s.vmalloc.filter((v) => v.slot === s.vhost.vmapSlot && used.has(v.page)).map((v) => v.frame))];
}
