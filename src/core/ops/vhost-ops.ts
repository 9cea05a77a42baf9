import { areaPages, userAccess, vmallocAccess } from '../access';
import type { OpCtx } from '../context';
import { narrating, say } from '../context';
import { servedVq } from '../pagetable';
import type { State } from '../types';
import { fallbackBlocked, jump, localsOf, mightSleep, type Op, setVmapSlot, vmapSlotOf } from './shared';
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
  unpin: onWords(WORD_OPS.unpin),
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
  uaccess: onWords(WORD_OPS.uaccess),
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
  'dirty-lock': onWords(WORD_OPS['dirty-lock']),
} satisfies Record<string, Op>;
