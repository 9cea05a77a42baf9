import { memoryOf } from '../../catalog';
import { narrating, report, say } from '../../context';
import { idxPage } from '../../frames';
import { ptrSlot, ringPageCount } from '../../pagetable';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { flushUserTlb, pagesText, targetsOf } from './word-memory';
import type { WordCtx, WordOp } from './word-op';
import { holdsPage, unmapTargets } from './word-pagetable';

/** Reclaim's ops on words (their object versions were in `mm-ops.ts`). */

const P = W.threads.locals.pages;
const done: number[] = [];

/** Where a clean page's contents would be read back from. */
function backingName(scenario: Scenario): string {
  const memory = memoryOf(scenario);
  return memory === 'file'
    ? 'the file'
    : memory === 'shmem'
      ? 'swap (a new fault of a never-written-out shmem page reads zeros)'
      : 'swap';
}

/** A page pageout writes: dirty, in the swap cache, and no reference beyond the cache's and reclaim's own. */
const writable = (w: Int32Array, f: number) =>
  W.frames.dirty.get(w, f) && W.frames.owner.get(w, f) === 'swap-cache' && W.frames.refcount.get(w, f) <= 1;

// Narration helpers: a closure in an op's body would cost a context allocation on every step, narrated or not.
const NONE: readonly string[] = [];
const dirtyPagesText = (w: Int32Array, t: number) => pagesText(w, t, (f) => W.frames.dirty.get(w, f));
const pinnedPagesText = (w: Int32Array, t: number) =>
  pagesText(
    w,
    t,
    (f) => W.frames.dirty.get(w, f) && W.frames.owner.get(w, f) === 'swap-cache' && W.frames.refcount.get(w, f) > 1,
  );
const writablePagesText = (w: Int32Array, t: number) => pagesText(w, t, (f) => writable(w, f));

/** unmap-swap's sentence: which of the `n` frames in `done` were unmapped, dirtied, already dirty or clean. */
function narrateUnmapSwap(ctx: WordCtx, anon: boolean, before: readonly string[], n: number): void {
  const { w } = ctx;
  const frames = done.slice(0, n);
  const dirtied = frames.filter((f) => W.frames.dirty.get(w, f) && !before.includes(String(f)));
  const clean = frames.filter((f) => !W.frames.dirty.get(w, f));
  const parts = [
    frames.length > 0
      ? `${anon ? 'Swap entries installed' : 'PTEs cleared'} for frame #${frames.join(', #')}.`
      : 'No PTE of the target maps a page this reclaim holds: nothing to unmap.',
  ];
  if (dirtied.length > 0) parts.push(`PG_dirty newly set on frame #${dirtied.join(', #')}.`);
  if (before.length > 0) parts.push(`Frame #${before.join(', #')} was already dirty.`);
  if (clean.length > 0) parts.push(`PG_dirty is clear on frame #${clean.join(', #')}.`);
  say(ctx, parts.join(' '));
}

export const WORD_RECLAIM_OPS = {
  'unmap-swap': {
    run(ctx) {
      const { w, t, scenario } = ctx;
      const anon = memoryOf(scenario) === 'anonymous';
      const before = narrating(ctx) ? dirtyPagesText(w, t) : NONE;
      const targets = targetsOf(scenario, t);
      if (anon) {
        // add_to_swap (before try_to_unmap in shrink_page_list) dirties a page that has no swap copy yet.
        for (const gp of targets) {
          const f = W.ptes.frame.get(w, gp);
          if (W.ptes.present.get(w, gp) && holdsPage(w, t, f) && W.swap.get(w, ptrSlot({ scenario }, gp)) < 0)
            W.frames.dirty.set(w, f, true);
        }
      }
      // A page-cache page (shmem, file) leaves an empty PTE behind: the next fault finds it in the page cache.
      const n = unmapTargets(ctx, true, anon ? 'swap' : 'none', 'swap-cache', true, true, done);
      flushUserTlb(ctx, targets);
      if (narrating(ctx)) narrateUnmapSwap(ctx, anon, before, n);
    },
  },
  pageout: {
    run(ctx) {
      const { w, t, scenario } = ctx;
      const pinned = narrating(ctx) ? pinnedPagesText(w, t) : NONE;
      const written = narrating(ctx) ? writablePagesText(w, t) : NONE;
      // is_page_cache_freeable: a page with a reference beyond the cache's and reclaim's own is kept unwritten (PAGE_KEEP).
      if (pinned.length > 0)
        say(
          ctx,
          `frame #${pinned.join(', #')} has an extra reference: is_page_cache_freeable fails, so pageout keeps it dirty and unwritten.`,
        );
      for (const gp of targetsOf(scenario, t)) {
        const f = W.ptes.frame.get(w, gp);
        if (
          !W.ptes.present.get(w, gp) &&
          W.ptes.swapped.get(w, gp) !== 'migration' &&
          holdsPage(w, t, f) &&
          writable(w, f)
        )
          W.swap.set(w, ptrSlot({ scenario }, gp), W.frames.usedIdx.get(w, f));
      }
      for (let i = 0; i < P.length(w, t); i++) {
        const f = P.get(w, t, i);
        if (writable(w, f)) W.frames.dirty.set(w, f, false);
      }
      narrating(ctx) &&
        say(
          ctx,
          written.length > 0
            ? `pageout wrote frame #${written.join(', #')} to ${memoryOf(scenario) === 'file' ? 'the file' : 'swap'}.`
            : pinned.length > 0
              ? 'Nothing else to write.'
              : 'PG_dirty is clear: nothing is written; what the backing store holds is trusted.',
        );
    },
  },
  'remove-mapping': {
    run(ctx) {
      const { w, t, scenario } = ctx;
      const idx = idxPage(scenario.ringSize);
      const n = ringPageCount({ scenario });
      const targets = targetsOf(scenario, t);
      for (let i = 0; i < P.length(w, t); i++) {
        const f = P.get(w, t, i);
        if (W.frames.owner.get(w, f) !== 'swap-cache' || W.frames.refcount.get(w, f) > 1) {
          narrating(ctx) && say(ctx, `frame #${f} is mapped again or has extra references: it stays.`);
          continue;
        }
        // __remove_mapping re-checks PG_dirty after freezing the refcount: a page dirtied since pageout stays.
        if (W.frames.dirty.get(w, f)) {
          narrating(ctx) &&
            say(ctx, `frame #${f} became dirty after pageout looked: it stays cached for the next pass.`);
          continue;
        }
        let gp: number | undefined;
        for (const p of targets) if (gp === undefined && W.ptes.frame.get(w, p) === f && p % n === idx) gp = p;
        const copy = gp === undefined ? undefined : W.swap.get(w, ptrSlot({ scenario }, gp));
        const usedIdx = W.frames.usedIdx.get(w, f);
        if (gp !== undefined && usedIdx !== copy) {
          report(
            ctx,
            'lost-write',
            [f],
            `frame #${f} was dropped clean: its used.idx ${usedIdx} never reached ${backingName(scenario)}, which still holds ${copy}; the next fault reads that back and the guest sees stale completions.`,
            'Writes through a kernel alias never set the PTE dirty bit: invalidate_range_start must set_page_dirty() on pages vhost mapped for writing.',
          );
        }
        W.frames.refcount.set(w, f, 0);
        W.frames.owner.set(w, f, 'free');
        W.frames.locked.set(w, f, false);
        W.frames.dirty.set(w, f, false);
        narrating(ctx) &&
          say(
            ctx,
            `frame #${f} removed from the ${memoryOf(scenario) === 'anonymous' ? 'swap' : 'page'} cache and freed.`,
          );
      }
    },
  },
} satisfies Record<string, WordOp>;
