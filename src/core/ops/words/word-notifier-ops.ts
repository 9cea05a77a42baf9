import { isIntervalDesign } from '../../catalog';
import { narrating, say } from '../../context';
import { usedPages } from '../../layout';
import { ringPageCount } from '../../pagetable';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { heldByOther, overlapPagesAt } from '../shared';
import type { WordCtx, WordOp } from './word-op';

/** kmap-seq's invalidate_range_start and the notifier's entry, on words (their object versions were in `notifier-ops.ts`). */

export const overlapOf = (ctx: Pick<WordCtx, 'w' | 'scenario' | 't'>) =>
  overlapPagesAt(ctx, W.vhost.region.get(ctx.w), ctx.t);

const NONE: readonly number[] = [];

/** The frame vhost points at through `slot` when the slot is one of the used ring's, else -1. */
function pointedAt(w: Int32Array, used: readonly number[], n: number, slot: number): number {
  return used.includes(slot % n) ? W.vhost.ptr.get(w, slot) : -1;
}

/** The frame vhost points at through slot `slots[i]`, if used by the used ring and not seen before; else -1. */
export function pointedUsed(w: Int32Array, scenario: Scenario, slots: readonly number[], i: number): number {
  const used = usedPages(scenario.ringSize);
  const n = ringPageCount({ scenario });
  const f = pointedAt(w, used, n, slots[i] ?? 0);
  if (f < 0) return -1;
  for (let j = 0; j < i; j++) if (pointedAt(w, used, n, slots[j] ?? 0) === f) return -1;
  return f;
}

/** set_page_dirty on the used ring's pointed frames in the range (`dirtyPointed` + `setDirty`). */
function dirtyPointed(ctx: WordCtx): void {
  if (ctx.instr.bugs?.includes('skip-set-page-dirty')) return;
  dirtyUsedPointed(ctx, 'set_page_dirty');
}

/** Sets PG_dirty on the used ring's frames vhost points at in the range; says `call: ...` as `setDirty` words it. */
export function dirtyUsedPointed(ctx: WordCtx, call: string): void {
  const { w } = ctx;
  const slots = overlapOf(ctx);
  // Lists for the sentence only: the explorer's steps allocate none.
  const newly: number[] | null = narrating(ctx) ? [] : null;
  const already: number[] | null = narrating(ctx) ? [] : null;
  for (let i = 0; i < slots.length; i++) {
    const f = pointedUsed(w, ctx.scenario, slots, i);
    if (f < 0) continue;
    if (W.frames.dirty.get(w, f)) already?.push(f);
    else {
      W.frames.dirty.set(w, f, true);
      newly?.push(f);
    }
  }
  if (!newly || !already || newly.length + already.length === 0) return;
  const parts: string[] = [];
  if (newly.length > 0) parts.push(`PG_dirty set on frame #${newly.join(', #')}`);
  if (already.length > 0) parts.push(`frame #${already.join(', #')} already dirty`);
  say(ctx, `${call}: ${parts.join('; ')}.`);
}

/** Clears vhost's pointers in the range and says which were published (`clearPointers`). */
export function clearPointers(ctx: WordCtx): void {
  const { w } = ctx;
  const pages = overlapOf(ctx);
  const cleared = narrating(ctx) ? pages.filter((p) => W.vhost.ptr.get(w, p) >= 0) : NONE;
  for (const p of pages) W.vhost.ptr.set(w, p, -1);
  const field = ctx.scenario.design === 'direct-map-rcu' ? 'vq->maps[]' : 'vq->ptr';
  const how = ctx.scenario.design === 'direct-map-rcu' ? 'set to NULL (rcu_assign_pointer)' : 'cleared';
  say(
    ctx,
    cleared.length > 0
      ? `userringpage (${field}) ${how} for ring page(s) ${cleared.join(', ')}.`
      : 'No published userringpage in the range.',
  );
}

/** kmap-seq's invalidate_range_start; the `-hold` variant keeps the spinlock for set_page_dirty_lock. */
function kseqStart(hold: boolean): WordOp {
  return {
    blocked: (w, t, _i, names) => heldByOther(W.vhost.mmuLock.get(w), t, 'vq->mmu_lock', names),
    run(ctx) {
      const { w } = ctx;
      ctx.cost.locks += 1;
      const rangeDep = ctx.instr.bugs?.includes('range-dependent-count') ?? false;
      if (!rangeDep || overlapOf(ctx).length > 0) {
        W.vhost.count.set(w, W.vhost.count.get(w) + 1);
        narrating(ctx) && say(ctx, `count → ${W.vhost.count.get(w)}.`);
      } else say(ctx, 'The range does not overlap the ring’s current address: count not raised.');
      if (hold) return W.vhost.mmuLock.set(w, ctx.t);
      dirtyPointed(ctx);
      clearPointers(ctx);
    },
  };
}

export const WORD_NOTIFIER_OPS = {
  'kseq-start': kseqStart(false),
  'kseq-start-hold': kseqStart(true),
  'mm-start': {
    run(ctx) {
      const { w } = ctx;
      W.threads.locals.eagain.set(w, ctx.t, false);
      const design = ctx.scenario.design;
      if (isIntervalDesign(design)) {
        W.vhost.itreeActive.set(w, W.vhost.itreeActive.get(w) + 1);
        // mn_itree_inv_start_range makes the sequence odd only when some interval overlaps the range.
        const seq = W.vhost.itreeSeq.get(w);
        if (seq % 2 === 0 && overlapOf(ctx).length > 0) W.vhost.itreeSeq.set(w, seq + 1);
        const now = W.vhost.itreeSeq.get(w);
        narrating(ctx) &&
          say(
            ctx,
            now % 2 === 1
              ? `Interval-tree sequence → ${now} (odd while invalidating).`
              : 'No interval overlaps the range: the sequence stays even.',
          );
      } else if (design === 'copy-user' || design === 'vmap-pinned') {
        say(ctx, 'No MMU notifier is registered for this design: nothing is called.');
      }
    },
  },
} satisfies Record<string, WordOp>;
