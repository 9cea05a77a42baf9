import { narrating, say } from '../../context';
import { usedPages } from '../../layout';
import { ringPageCount, servedVqAt, vq0Regions, vqsOf } from '../../pagetable';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import type { WordCtx, WordOp } from './word-op';
import { gupSlowFault } from './word-user-access';

/** get_user_pages_fast on words (its object version was `gup` in `vhost-ops.ts`). */

/** Is the PTE of `gp` one the lockless walk takes (present, and writable where vhost writes)? */
const walkable = (w: Int32Array, gp: number, write: boolean) =>
  W.ptes.present.get(w, gp) && (!write || W.ptes.writable.get(w, gp));

/** The global ring page of page `p` of vq `vq`'s ring in its current region (`gpage` of `vqRegion`). */
function ringGp(w: Int32Array, scenario: Scenario, n: number, vq: number, p: number): number {
  return (vq === 0 ? W.vhost.region.get(w) : vq0Regions(scenario)) * n + p;
}

function gup(ctx: WordCtx, underLock: boolean): void {
  const { w, t, scenario } = ctx;
  const n = ringPageCount(ctx);
  const used = usedPages(scenario.ringSize);
  const pinned = scenario.design === 'vmap-pinned';
  // V1 pins every vq's ring; the others take the served vq's pages only.
  const served = servedVqAt(scenario, W.threads.locals.round.get(w, 0));
  const first = pinned ? 0 : served;
  const last = pinned ? vqsOf(scenario) - 1 : served;
  ctx.cost.gupCalls += 1;
  for (let vq = first; vq <= last; vq++) {
    for (let p = 0; p < n; p++) {
      const gp = ringGp(w, scenario, n, vq, p);
      const write = used.includes(p);
      // V1 calls get_user_pages_fast, whose slow path faults the page in and pins it: there is no later round to retry.
      if (pinned && !walkable(w, gp, write)) gupSlowFault(ctx, gp, write);
      if (walkable(w, gp, write)) continue;
      const P = W.threads.locals.pages;
      for (let i = 0; i < P.length(w, t); i++) P.set(w, t, i, -1);
      if (underLock) W.vhost.mmuLock.set(w, -1);
      const why = W.ptes.present.get(w, gp) ? 'read-only PTE' : 'no present PTE';
      narrating(ctx) &&
        say(
          ctx,
          underLock
            ? `__get_user_pages_fast failed on ring page ${p} (${why}); it has no slow path: copy_*_user this round.`
            : `The lockless walk failed on ring page ${p} (${why}): get_user_pages_fast would fault it in on the slow path; here this round uses copy_*_user, whose fault does the same.`,
        );
      W.threads.pc.set(w, t, ctx.instr.target);
      return;
    }
  }
  const R = W.threads.locals.refs;
  for (let vq = first; vq <= last; vq++) {
    for (let p = 0; p < n; p++) {
      const f = W.ptes.frame.get(w, ringGp(w, scenario, n, vq, p));
      W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) + 1);
      W.threads.locals.pages.set(w, t, vq * n + p, f);
      const k = R.length(w, t);
      R.setLength(w, t, k + 1);
      R.set(w, t, k, f);
    }
  }
  if (!narrating(ctx)) return;
  const refs = [...new Set(Array.from({ length: R.length(w, t) }, (_, i) => R.get(w, t, i)))];
  say(ctx, `gup_fast took a reference on frame(s) #${refs.join(', #')}.`);
}

export const WORD_GUP_OPS = {
  gup: { run: (ctx) => gup(ctx, false) },
  'gup-locked': { run: (ctx) => gup(ctx, true) },
} satisfies Record<string, WordOp>;
