import { narrating, say } from '../../context';
import { layoutOf } from '../../layout';
import { ringPageCount } from '../../pagetable';
import { W } from '../../schema/state-words';
import { servedRegion } from './word-access';
import { jumpTo, mightSleepOnWords, setVmapSlotAt, vmapSlotAt } from './word-context';
import type { WordOp } from './word-op';
import { userAccess, userAccessBlocked } from './word-user-access';
import { dropVmap, mapVqOf, vmallocAccess } from './word-vmalloc';

/** The vmap designs' worker steps (vmap, vunmap, the map's load and the access through it) on words. */

const isWrite = (area: number) => area === 2;
const NO_PAGES: readonly number[] = [];
const P = W.threads.locals.pages;

export const WORD_VMAP_OPS = {
  vmap: {
    run(ctx) {
      const { w, t, scenario } = ctx;
      let mapped = 0;
      for (let i = 0, n = P.length(w, t); i < n; i++) if (P.get(w, t, i) >= 0) mapped += 1;
      if (mapped === 0) return say(ctx, 'No pages to map.');
      mightSleepOnWords(ctx, 'vmap()');
      const slot = W.vhost.nextSlot.get(w);
      W.vhost.nextSlot.set(w, slot + 1);
      for (let page = 0, n = P.length(w, t); page < n; page++) {
        const frame = P.get(w, t, page);
        if (frame < 0) continue;
        const k = W.vmalloc.length(w);
        W.vmalloc.setLength(w, k + 1);
        W.vmalloc.slot.set(w, k, slot);
        W.vmalloc.page.set(w, k, page);
        W.vmalloc.frame.set(w, k, frame);
      }
      ctx.cost.ptesWritten += mapped;
      setVmapSlotAt(w, mapVqOf(w, scenario), slot);
      W.threads.locals.mapSlot.set(w, t, slot);
      if (scenario.design !== 'vmap-pinned') for (let i = 0, n = P.length(w, t); i < n; i++) P.set(w, t, i, -1);
      narrating(ctx) && say(ctx, `vmap wrote ${ctx.cost.ptesWritten} vmalloc PTE(s) (4K each) in slot ${slot}.`);
    },
  },
  vunmap: {
    run(ctx) {
      const { w } = ctx;
      mightSleepOnWords(ctx, 'vunmap()');
      dropVmap(w, W.vhost.vmapSlot.get(w));
      W.vhost.vmapSlot.set(w, -1);
      W.threads.locals.mapSlot.set(w, ctx.t, -1);
      say(ctx, 'vmalloc PTEs cleared; the TLB flush waits for the lazy purge.');
    },
  },
  'if-vmapped': {
    run(ctx) {
      if (vmapSlotAt(ctx.w, mapVqOf(ctx.w, ctx.scenario)) >= 0) jumpTo(ctx, ctx.instr.target);
    },
  },
  vload: {
    run(ctx) {
      const slot = vmapSlotAt(ctx.w, mapVqOf(ctx.w, ctx.scenario));
      W.threads.locals.mapSlot.set(ctx.w, ctx.t, slot);
      narrating(ctx) && say(ctx, slot >= 0 ? `map = vmap slot ${slot}.` : 'vq->map is NULL: copy_*_user this round.');
    },
  },
  vaccess: {
    blocked(w, t, instr, _names, scenario) {
      if (W.threads.locals.mapSlot.get(w, t) >= 0) return null;
      // Why a copy_*_user fallback would wait (`fallbackBlocked` with no pointer used).
      const region = servedRegion(w, scenario);
      const n = ringPageCount({ scenario });
      for (const p of layoutOf(scenario.ringSize).areas[instr.arg]?.pages ?? NO_PAGES) {
        const why = userAccessBlocked(w, scenario, region * n + p, isWrite(instr.arg));
        if (why) return why;
      }
      return null;
    },
    run(ctx) {
      const { w, scenario } = ctx;
      const area = ctx.instr.arg;
      const write = isWrite(area);
      const slot = W.threads.locals.mapSlot.get(w, ctx.t);
      const region = servedRegion(w, scenario);
      const n = ringPageCount(ctx);
      if (write) W.published.set(w, W.published.get(w) + 1);
      for (const p of layoutOf(scenario.ringSize).areas[area]?.pages ?? NO_PAGES) {
        const gp = region * n + p;
        if (slot >= 0) vmallocAccess(ctx, slot, gp, write);
        else userAccess(ctx, gp, write);
      }
    },
  },
} satisfies Record<string, WordOp>;
