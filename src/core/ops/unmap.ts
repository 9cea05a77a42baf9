import type { OpCtx } from '../context';
import { frameAt } from '../frames';
import { pteAt, updateEntry } from '../pagetable';
import type { FrameOwner, Pte } from '../types';
import { mmTargets } from './shared';

/**
 * Unmaps target ring pages: every present one for a range operation (`frames` null), or only those mapping one of
 * `frames` for a page operation (rmap finds a page's mappings, not a range's). Moves the PTE dirty bit to PG_dirty
 * unless the page is being discarded (a zap: `keepDirty` false); returns the frames that lost their last mapping.
 */
export function unmapTargets(
  ctx: OpCtx,
  frames: readonly number[] | null,
  entry: Pte['swapped'],
  owner: FrameOwner,
  dropMappingRef: boolean,
  keepDirty = entry !== 'none',
): number[] {
  const { s } = ctx;
  const done = new Set<number>();
  for (const gp of mmTargets(s, ctx.t)) {
    const pte = pteAt(s, gp);
    if (!pte.present || (frames && !frames.includes(pte.frame))) continue;
    const frame = frameAt(s, pte.frame);
    // A compound page mapped by several PTEs (after a THP split) is accounted once and unmapped everywhere.
    if (!done.has(pte.frame)) {
      done.add(pte.frame);
      frame.mapcount -= 1;
      if (dropMappingRef) frame.refcount -= 1;
      if (frame.mapcount === 0) frame.owner = owner;
    }
    if (pte.dirty && keepDirty) frame.dirty = true;
    updateEntry(s, gp, {
      present: false,
      swapped: entry,
      dirty: false,
      writable: entry === 'none' && !keepDirty ? false : pte.writable,
    });
  }
  return [...done];
}

/** Puts back the PTEs of `frames` that a page operation had replaced with migration entries. */
export function restoreMigrationEntries(ctx: OpCtx, frames: readonly number[]): void {
  const { s } = ctx;
  for (const gp of mmTargets(s, ctx.t)) {
    const pte = pteAt(s, gp);
    if (pte.present || pte.swapped !== 'migration' || !frames.includes(pte.frame)) continue;
    const frame = frameAt(s, pte.frame);
    if (frame.mapcount === 0) Object.assign(frame, { mapcount: 1, refcount: frame.refcount + 1, owner: 'qemu-ring' });
    updateEntry(s, gp, { present: true, swapped: 'none', writable: true });
  }
}
