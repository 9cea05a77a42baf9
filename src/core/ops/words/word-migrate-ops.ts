import { narrating, report, say } from '../../context';
import { W } from '../../schema/state-words';
import { flushUserTlb, pagesText, targetsOf } from './word-memory';
import type { WordOp } from './word-op';
import { allocFrame, restoreMigrationEntries, unmapTargets, updateEntry } from './word-pagetable';

/** Migration's and zap's ops on words (their object versions were in `mm-ops.ts`). */

const P = W.threads.locals.pages;
const R = W.threads.locals.refs;
const done: number[] = [];

/** Is frame `f` held by vhost's long-term pin (V1)? */
function pinnedByVhost(w: Int32Array, design: string, f: number): boolean {
  if (design !== 'vmap-pinned') return false;
  for (let i = 0; i < R.length(w, 0); i++) if (R.get(w, 0, i) === f) return true;
  return false;
}

export const WORD_MIGRATE_OPS = {
  zap: {
    run(ctx) {
      const { w, t } = ctx;
      const n = unmapTargets(ctx, false, 'none', 'isolated', false, false, done);
      R.setLength(w, t, n);
      P.setLength(w, t, n);
      for (let i = 0; i < n; i++) {
        R.set(w, t, i, done[i] ?? -1);
        P.set(w, t, i, done[i] ?? -1);
      }
      narrating(ctx) &&
        say(
          ctx,
          n > 0
            ? `PTEs cleared; frame #${pagesText(w, t).join(', #')} queued for freeing.`
            : 'Nothing mapped in the range.',
        );
    },
  },
  'unmap-migration': {
    run(ctx) {
      unmapTargets(ctx, true, 'migration', 'isolated', true, true, done);
      flushUserTlb(ctx, targetsOf(ctx.scenario, ctx.t));
      say(ctx, 'Migration entries installed; user accesses now wait.');
    },
  },
  'move-mapping': {
    run(ctx) {
      const { w, t } = ctx;
      let extra = -1;
      for (let i = 0; i < P.length(w, t) && extra < 0; i++)
        if (W.frames.refcount.get(w, P.get(w, t, i)) > 1) extra = P.get(w, t, i);
      if (extra >= 0) {
        W.threads.locals.aborted.set(w, t, true);
        restoreMigrationEntries(ctx);
        const count = W.frames.refcount.get(w, extra);
        if (pinnedByVhost(w, ctx.scenario.design, extra)) {
          report(
            ctx,
            'pin-blocks-migration',
            [extra],
            `frame #${extra} is pinned by vhost (refcount ${count}): migration fails with -EAGAIN on every retry.`,
            'Drop the long-term pin and rely on an MMU notifier, so the page can move.',
          );
        } else
          narrating(ctx) &&
            say(ctx, `An extra reference (refcount ${count}) makes migration return -EAGAIN; the PTE is restored.`);
        return;
      }
      const n = P.length(w, t);
      R.setLength(w, t, n);
      for (let i = 0; i < n; i++) {
        const old = P.get(w, t, i);
        const q = allocFrame(w, W.frames.size.get(w, old), 'isolated', W.frames.usedIdx.get(w, old));
        W.frames.mapcount.set(w, q, 0);
        W.frames.dirty.set(w, q, W.frames.dirty.get(w, old));
        W.frames.owner.set(w, old, 'migrated-old');
        R.set(w, t, i, q);
      }
      narrating(ctx) &&
        say(
          ctx,
          `Contents copied from frame #${pagesText(w, t).join(', #')} to new frame #${Array.from({ length: n }, (_, i) => R.get(w, t, i)).join(', #')}.`,
        );
    },
  },
  remap: {
    run(ctx) {
      const { w, t, scenario } = ctx;
      if (W.threads.locals.aborted.get(w, t)) return say(ctx, 'Migration was aborted.');
      let mapped = 0;
      for (const gp of targetsOf(scenario, t)) {
        const frame = W.ptes.frame.get(w, gp);
        let q = -1;
        for (let i = 0; i < P.length(w, t) && q < 0; i++) if (P.get(w, t, i) === frame) q = R.get(w, t, i);
        if (q < 0 || W.ptes.swapped.get(w, gp) !== 'migration') continue;
        updateEntry(w, scenario, gp, q, true, 'none', undefined, true);
        done[mapped++] = q;
      }
      const n = R.length(w, t);
      for (let i = 0; i < n; i++) {
        const q = R.get(w, t, i);
        let isMapped = false;
        for (let j = 0; j < mapped; j++) if (done[j] === q) isMapped = true;
        if (isMapped) {
          W.frames.mapcount.set(w, q, 1);
          W.frames.owner.set(w, q, 'qemu-ring');
        } else {
          W.frames.refcount.set(w, q, 0);
          W.frames.owner.set(w, q, 'free');
        }
      }
      narrating(ctx) &&
        say(ctx, `QEMU’s PTE now points at frame #${Array.from({ length: n }, (_, i) => R.get(w, t, i)).join(', #')}.`);
      R.setLength(w, t, 0);
    },
  },
} satisfies Record<string, WordOp>;
