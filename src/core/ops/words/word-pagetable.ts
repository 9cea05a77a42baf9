import { ringPageCount } from '../../pagetable';
import { W } from '../../schema/state-words';
import type { FrameOwner, PageSize, Pte, Scenario } from '../../types';
import { targetsOf } from './word-memory';
import type { WordCtx } from './word-op';

/** Page-table and frame helpers on words; each mirrors its object twin named in its comment. */

/** Is `q` covered by the same user entry as `gp` (`entryPages`): itself for 4K, same-size pages of its region. */
export function sameEntry(w: Int32Array, scenario: Scenario, gp: number, q: number): boolean {
  const size = W.ptes.size.get(w, gp);
  if (size === '4K') return q === gp;
  const n = ringPageCount({ scenario });
  return Math.floor(q / n) === Math.floor(gp / n) && q < W.ptes.length(w) && W.ptes.size.get(w, q) === size;
}

/** Sets fields (undefined: kept) on every ring page sharing `gp`'s entry (`updateEntry`). */
export function updateEntry(
  w: Int32Array,
  scenario: Scenario,
  gp: number,
  frame: number | undefined,
  present: boolean | undefined,
  swapped: Pte['swapped'] | undefined,
  dirty: boolean | undefined,
  writable: boolean | undefined,
): void {
  const n = ringPageCount({ scenario });
  const base = W.ptes.size.get(w, gp) === '4K' ? gp : Math.floor(gp / n) * n;
  const end = W.ptes.size.get(w, gp) === '4K' ? gp + 1 : base + n;
  // Decided before any write: writing a field of `gp` never changes which pages share its entry (size is kept).
  for (let q = base; q < end; q++) {
    if (!sameEntry(w, scenario, gp, q)) continue;
    if (frame !== undefined) W.ptes.frame.set(w, q, frame);
    if (present !== undefined) W.ptes.present.set(w, q, present);
    if (swapped !== undefined) W.ptes.swapped.set(w, q, swapped);
    if (dirty !== undefined) W.ptes.dirty.set(w, q, dirty);
    if (writable !== undefined) W.ptes.writable.set(w, q, writable);
  }
}

/** Allocates a fresh frame (`allocFrame` with `newFrame`); ids grow so that a freed frame keeps its identity. */
export function allocFrame(w: Int32Array, size: PageSize, owner: FrameOwner, usedIdx: number): number {
  const f = W.frames.length(w);
  W.frames.setLength(w, f + 1);
  W.frames.size.set(w, f, size);
  W.frames.refcount.set(w, f, 1);
  W.frames.mapcount.set(w, f, 1);
  W.frames.dirty.set(w, f, false);
  W.frames.locked.set(w, f, false);
  W.frames.owner.set(w, f, owner);
  W.frames.usedIdx.set(w, f, usedIdx);
  W.frames.corrupted.set(w, f, false);
  return f;
}

/** Does thread `t`'s `pages` list hold `f` (`pages.includes`)? */
export function holdsPage(w: Int32Array, t: number, f: number): boolean {
  const P = W.threads.locals.pages;
  for (let i = 0; i < P.length(w, t); i++) if (P.get(w, t, i) === f) return true;
  return false;
}

/**
 * Unmaps target ring pages (`unmapTargets`): every present one (`onlyHeld` false) or only those mapping a frame of
 * the thread's `pages`. Returns how many frames lost a mapping; their ids are the first `n` of `done` when given.
 */
export function unmapTargets(
  ctx: WordCtx,
  onlyHeld: boolean,
  entry: Pte['swapped'],
  owner: FrameOwner,
  dropMappingRef: boolean,
  keepDirty: boolean,
  done: number[],
): number {
  const { w, t, scenario } = ctx;
  const targets = targetsOf(scenario, t);
  let count = 0;
  for (const gp of targets) {
    if (!W.ptes.present.get(w, gp)) continue;
    const f = W.ptes.frame.get(w, gp);
    if (onlyHeld && !holdsPage(w, t, f)) continue;
    // A compound page mapped by several PTEs (after a THP split) is accounted once and unmapped everywhere.
    let seen = false;
    for (let i = 0; i < count; i++) if (done[i] === f) seen = true;
    if (!seen) {
      done[count++] = f;
      const mapcount = W.frames.mapcount.get(w, f) - 1;
      W.frames.mapcount.set(w, f, mapcount);
      if (dropMappingRef) W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) - 1);
      if (mapcount === 0) W.frames.owner.set(w, f, owner);
    }
    if (W.ptes.dirty.get(w, gp) && keepDirty) W.frames.dirty.set(w, f, true);
    const writable = entry === 'none' && !keepDirty ? false : W.ptes.writable.get(w, gp);
    updateEntry(w, scenario, gp, undefined, false, entry, false, writable);
  }
  return count;
}

/** Puts back the PTEs of the thread's pages that a page operation had replaced with migration entries. */
export function restoreMigrationEntries(ctx: WordCtx): void {
  const { w, t, scenario } = ctx;
  for (const gp of targetsOf(scenario, t)) {
    const f = W.ptes.frame.get(w, gp);
    if (W.ptes.present.get(w, gp) || W.ptes.swapped.get(w, gp) !== 'migration' || !holdsPage(w, t, f)) continue;
    if (W.frames.mapcount.get(w, f) === 0) {
      W.frames.mapcount.set(w, f, 1);
      W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) + 1);
      W.frames.owner.set(w, f, 'qemu-ring');
    }
    updateEntry(w, scenario, gp, undefined, true, 'none', undefined, true);
  }
}
