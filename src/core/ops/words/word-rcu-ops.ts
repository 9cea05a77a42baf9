import { narrating, say } from '../../context';
import { layoutOf } from '../../layout';
import { ptrSlot, ringPageCount, servedVqAt } from '../../pagetable';
import { W } from '../../schema/state-words';
import { heldByOther } from '../shared';
import { directAccess, servedRegion } from './word-access';
import { jumpTo } from './word-context';
import type { WordCtx, WordOp } from './word-op';
import { userAccess, userAccessBlocked } from './word-user-access';

/** direct-map-rcu's worker steps (prefetch under the lock, publish, rcu_dereference and the access) on words. */

const isWrite = (area: number) => area === 2;
const NO_PAGES: readonly number[] = [];
const P = W.threads.locals.pages;

/** The `vhost.ptr` slot of page `p` of the served vq's ring in `region` (`ptrSlot` of an `areaPages` page). */
const slotOf = (ctx: Pick<WordCtx, 'scenario'>, region: number, p: number) =>
  ptrSlot(ctx, region * ringPageCount(ctx) + p);

export const WORD_RCU_OPS = {
  'rcu-prefetch': {
    blocked: (w, t, _i, names) => heldByOther(W.vhost.mmuLock.get(w), t, 'vq->mmu_lock', names),
    run(ctx) {
      const { w } = ctx;
      W.vhost.mmuLock.set(w, ctx.t);
      ctx.cost.locks += 1;
      const skip = ctx.instr.bugs?.includes('skip-seq-check') ?? false;
      const count = W.vhost.count.get(w);
      if (!skip && count !== 0) {
        ctx.cost.retries += 1;
        W.vhost.mmuLock.set(w, -1);
        jumpTo(ctx, ctx.instr.target);
        narrating(ctx) && say(ctx, `invalidate_count is ${count}: no map this round, copy_*_user instead.`);
      }
    },
  },
  'rcu-publish': {
    run(ctx) {
      // Publishes the gup pages of the served vq only: the other vq's pointers stay as they are.
      const { w, t } = ctx;
      const n = ringPageCount(ctx);
      const vq = servedVqAt(ctx.scenario, W.threads.locals.round.get(w, 0));
      const frames: number[] | null = narrating(ctx) ? [] : null;
      for (let slot = 0, m = P.length(w, t); slot < m; slot++) {
        if (Math.floor(slot / n) !== vq) continue;
        const f = P.get(w, t, slot);
        W.vhost.ptr.set(w, slot, f);
        if (frames && !frames.includes(f)) frames.push(f);
      }
      for (let i = 0, m = P.length(w, t); i < m; i++) P.set(w, t, i, -1);
      W.vhost.mmuLock.set(w, -1);
      frames && say(ctx, `Maps published → frame #${frames.join(', #')}.`);
    },
  },
  'rcu-deref': {
    run(ctx) {
      const { w, t, scenario } = ctx;
      const region = servedRegion(w, scenario);
      const pages = layoutOf(scenario.ringSize).areas[ctx.instr.arg]?.pages ?? NO_PAGES;
      let inRcu = true;
      for (const p of pages) {
        const lp = slotOf(ctx, region, p);
        const f = W.vhost.ptr.get(w, lp);
        P.set(w, t, lp, f);
        if (f < 0) inRcu = false;
      }
      W.threads.locals.inRcu.set(w, t, inRcu);
      say(
        ctx,
        inRcu ? 'Map found: reading inside the RCU section.' : 'Map is NULL: rcu_read_unlock, then copy_*_user.',
      );
    },
  },
  'rcu-access': {
    blocked(w, t, instr, _names, scenario) {
      // Why a copy_*_user fallback on a page without a map would wait (`fallbackBlocked`).
      const region = servedRegion(w, scenario);
      const model = { scenario };
      const n = ringPageCount(model);
      for (const p of layoutOf(scenario.ringSize).areas[instr.arg]?.pages ?? NO_PAGES) {
        if (P.get(w, t, slotOf(model, region, p)) >= 0) continue;
        const why = userAccessBlocked(w, scenario, region * n + p, isWrite(instr.arg));
        if (why) return why;
      }
      return null;
    },
    run(ctx) {
      const { w, t, scenario } = ctx;
      const area = ctx.instr.arg;
      const write = isWrite(area);
      const region = servedRegion(w, scenario);
      const n = ringPageCount(ctx);
      const pages = layoutOf(scenario.ringSize).areas[area]?.pages ?? NO_PAGES;
      if (write) W.published.set(w, W.published.get(w) + 1);
      for (const p of pages) {
        const gp = region * n + p;
        const f = P.get(w, t, slotOf(ctx, region, p));
        if (f >= 0) directAccess(ctx, f, gp, write);
        else userAccess(ctx, gp, write);
      }
      for (const p of pages) P.set(w, t, slotOf(ctx, region, p), -1);
      W.threads.locals.inRcu.set(w, t, false);
    },
  },
} satisfies Record<string, WordOp>;
