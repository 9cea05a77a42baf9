import { narrating, say } from '../../context';
import { layoutOf, usedPages } from '../../layout';
import { ringPageCount, servedVqAt, vq0Regions } from '../../pagetable';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { mightSleepOnWords } from './word-context';
import { lockHolder, putRef } from './word-memory';
import type { WordOp } from './word-op';
import { userAccess, userAccessBlocked } from './word-user-access';

/** The worker's copy_*_user round, V1's unpin and its set_page_dirty_lock on words (objects: `vhost-ops.ts`). */

const NO_PAGES: readonly number[] = [];
const V = W.vmalloc;
const R = W.threads.locals.refs;

/** The region the served vq's ring is in now (`vqRegion` of `servedVq`). */
function servedRegion(w: Int32Array, scenario: Scenario): number {
  const vq = servedVqAt(scenario, W.threads.locals.round.get(w, 0));
  return vq === 0 ? W.vhost.region.get(w) : vq0Regions(scenario);
}

/** The vmap slot the worker uses this round (`vmapSlotOf` of `mapVq`): V1's one vmap covers every vq. */
function mapSlot(w: Int32Array, scenario: Scenario): number {
  const vq = scenario.design === 'vmap-pinned' ? 0 : servedVqAt(scenario, W.threads.locals.round.get(w, 0));
  return vq === 1 ? W.vhost.vmapSlot1.get(w) : W.vhost.vmapSlot.get(w);
}

/** Is the j-th vmalloc PTE one of the slot's, for a used-ring page? */
function usedOfSlot(w: Int32Array, used: readonly number[], n: number, slot: number, j: number): boolean {
  return V.slot.get(w, j) === slot && used.includes(V.page.get(w, j) % n);
}

/** The i-th vmalloc PTE's frame if it is a used-ring page of the slot and no earlier one maps it, else -1. */
function vmappedUsedFrame(w: Int32Array, scenario: Scenario, slot: number, i: number): number {
  const used = usedPages(scenario.ringSize);
  const n = ringPageCount({ scenario });
  if (!usedOfSlot(w, used, n, slot, i)) return -1;
  const f = V.frame.get(w, i);
  for (let j = 0; j < i; j++) if (usedOfSlot(w, used, n, slot, j) && V.frame.get(w, j) === f) return -1;
  return f;
}

export const WORD_VHOST_OPS = {
  uaccess: {
    blocked(w, _t, instr, _names, scenario) {
      const region = servedRegion(w, scenario);
      const n = ringPageCount({ scenario });
      for (const p of layoutOf(scenario.ringSize).areas[instr.arg]?.pages ?? NO_PAGES) {
        const why = userAccessBlocked(w, scenario, region * n + p, instr.arg === 2);
        if (why) return why;
      }
      return null;
    },
    run(ctx) {
      const { w, scenario } = ctx;
      const write = ctx.instr.arg === 2;
      if (write) W.published.set(w, W.published.get(w) + 1);
      const region = servedRegion(w, scenario);
      const n = ringPageCount(ctx);
      for (const p of layoutOf(scenario.ringSize).areas[ctx.instr.arg]?.pages ?? NO_PAGES)
        userAccess(ctx, region * n + p, write);
    },
  },
  unpin: {
    run(ctx) {
      const { w, t } = ctx;
      const count = R.length(w, t);
      for (let i = 0; i < count; i++) putRef(ctx, R.get(w, t, i));
      R.setLength(w, t, 0);
      if (count > 0)
        narrating(ctx) &&
          say(ctx, `The pin on ${count} page(s) is released; PG_dirty is left as it was (V1 calls no set_page_dirty).`);
    },
  },
  'dirty-lock': {
    blocked(w, _t, _i, names, scenario) {
      const slot = mapSlot(w, scenario);
      for (let i = 0; i < V.length(w); i++) {
        const f = vmappedUsedFrame(w, scenario, slot, i);
        if (f >= 0 && W.frames.locked.get(w, f))
          return `lock_page(frame #${f}) sleeps: PG_locked is held by ${lockHolder(w, f, names)}`;
      }
      return null;
    },
    run(ctx) {
      const { w, scenario } = ctx;
      const slot = mapSlot(w, scenario);
      let count = 0;
      for (let i = 0; i < V.length(w); i++) if (vmappedUsedFrame(w, scenario, slot, i) >= 0) count += 1;
      if (count > 0) mightSleepOnWords(ctx, 'set_page_dirty_lock()');
      // Lists for the sentence only (`setDirty`'s wording): the explorer's steps allocate none.
      const newly: number[] | null = narrating(ctx) ? [] : null;
      const already: number[] | null = narrating(ctx) ? [] : null;
      for (let i = 0; i < V.length(w); i++) {
        const f = vmappedUsedFrame(w, scenario, slot, i);
        if (f < 0) continue;
        if (W.frames.dirty.get(w, f)) already?.push(f);
        else newly?.push(f);
        W.frames.dirty.set(w, f, true);
      }
      ctx.cost.locks += count;
      if (count === 0 || !newly || !already) return;
      const parts: string[] = [];
      if (newly.length > 0) parts.push(`PG_dirty set on frame #${newly.join(', #')}`);
      if (already.length > 0) parts.push(`frame #${already.join(', #')} already dirty`);
      say(ctx, `set_page_dirty_lock: ${parts.join('; ')}.`);
    },
  },
} satisfies Record<string, WordOp>;
