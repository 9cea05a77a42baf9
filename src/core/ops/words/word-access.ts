import { mmuLockIsMutex } from '../../catalog';
import { idxPage } from '../../frames';
import { layoutOf } from '../../layout';
import { ptrSlot, ringPageCount, servedVqAt, vq0Regions } from '../../pagetable';
import { W } from '../../schema/state-words';
import { countMiss, VHOST_CPU } from '../../tlb';
import type { Scenario } from '../../types';
import { heldByOther } from '../shared';
import type { WordCtx, WordOp } from './word-op';
import { touchFrame, userAccess, userAccessBlocked } from './word-user-access';

/** The worker's ring access through its published pointer (kmap-seq's kaccess) on words. */

const isWrite = (area: number) => area === 2;
const E = W.tlbs.item;
const NO_PAGES: readonly number[] = [];

/** The region the served vq's ring is in now (`vqRegion` of `servedVq`). */
export function servedRegion(w: Int32Array, scenario: Scenario): number {
  const vq = servedVqAt(scenario, W.threads.locals.round.get(w, 0));
  return vq === 0 ? W.vhost.region.get(w) : vq0Regions(scenario);
}

/** The frame vhost's pointer gives for ring page `p` of the area (`vhost.ptr` at `ptrSlot` of its global page). */
function pointed(w: Int32Array, scenario: Scenario, gp: number): number {
  return W.vhost.ptr.get(w, ptrSlot({ scenario }, gp));
}

/** kmap_atomic / page_address: the direct map, one 2M or 1G TLB entry for every frame (`directAccess`). */
export function directAccess(ctx: WordCtx, f: number, gp: number, write: boolean): void {
  const { w, scenario } = ctx;
  let cached = false;
  for (let i = 0; i < E.length(w, VHOST_CPU); i++)
    if (E.kind.get(w, VHOST_CPU, i) === 'direct' && E.key.get(w, VHOST_CPU, i) === 0) cached = true;
  if (!cached) {
    const k = E.length(w, VHOST_CPU);
    E.setLength(w, VHOST_CPU, k + 1);
    E.kind.set(w, VHOST_CPU, k, 'direct');
    E.key.set(w, VHOST_CPU, k, 0);
    E.frame.set(w, VHOST_CPU, k, -1);
    E.size.set(w, VHOST_CPU, k, scenario.directMap);
    countMiss(ctx, scenario.directMap);
  }
  ctx.cost.ringAccesses += 1;
  const via = scenario.design === 'direct-map-rcu' ? 'the direct map (page_address)' : 'the direct map (kmap_atomic)';
  const holdsIdx = gp % ringPageCount(ctx) === idxPage(scenario.ringSize);
  touchFrame(ctx, f, write, via, holdsIdx);
}

export const WORD_ACCESS_OPS = {
  kaccess: {
    blocked(w, t, instr, names, scenario) {
      const held = heldByOther(W.vhost.mmuLock.get(w), t, 'vq->mmu_lock', names);
      if (held) return held;
      // Why a copy_*_user fallback on a page whose pointer is NULL would wait (`fallbackBlocked`).
      const region = servedRegion(w, scenario);
      const n = ringPageCount({ scenario });
      const pages = layoutOf(scenario.ringSize).areas[instr.arg]?.pages ?? NO_PAGES;
      // Indexed loops here and below: an array iterator the optimiser keeps is an allocation per step.
      for (let i = 0; i < pages.length; i++) {
        const gp = region * n + (pages[i] as number);
        if (pointed(w, scenario, gp) >= 0) continue;
        const why = userAccessBlocked(w, scenario, gp, isWrite(instr.arg));
        if (why) return why;
      }
      return null;
    },
    run(ctx) {
      const { w, scenario } = ctx;
      const area = ctx.instr.arg;
      const write = isWrite(area);
      const region = servedRegion(w, scenario);
      const n = ringPageCount(ctx);
      const pages = layoutOf(scenario.ringSize).areas[area]?.pages ?? NO_PAGES;
      ctx.cost.locks += 1;
      let mapped = true;
      for (let i = 0; i < pages.length; i++)
        if (pointed(w, scenario, region * n + (pages[i] as number)) < 0) mapped = false;
      if (write) W.published.set(w, W.published.get(w) + 1);
      for (let i = 0; i < pages.length; i++) {
        const gp = region * n + (pages[i] as number);
        const f = pointed(w, scenario, gp);
        if (f >= 0) directAccess(ctx, f, gp, write);
        else userAccess(ctx, gp, write);
      }
      // The copy_*_user fallback runs after mutex_unlock: a fault may wait for a page lock whose holder waits for the mutex.
      if (mapped && mmuLockIsMutex(scenario.design)) W.vhost.mmuLock.set(w, ctx.t);
    },
  },
} satisfies Record<string, WordOp>;
