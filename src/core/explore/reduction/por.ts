import { COW_WINDOW_READERS, footprintOf, type OpFootprint, STATE_PARTS, type StatePart } from '../../ops/footprints';
import type { DesignId, Instr, Program } from '../../types';

const BIT = new Map<StatePart, number>(STATE_PARTS.map((p, i) => [p, 1 << i]));
const THREADS = BIT.get('threads') as number;
const REGISTERED = BIT.get('registered') as number;
const FRAMES = BIT.get('frames') as number;

const mask = (parts: readonly StatePart[]) => parts.reduce((m, p) => m | (BIT.get(p) ?? 0), 0);

/**
 * Read and write masks of one step; a depth-0 step also reads `registered` (step.ts skips callbacks on it), and with
 * a fork thread a user access reads `threads` (`COW_WINDOW_READERS`).
 */
function stepMasks(instr: Instr, cowWindow: boolean, design?: DesignId): { reads: number; writes: number } {
  const fp: OpFootprint = footprintOf(instr.op, design);
  const extra = (instr.depth === 0 ? REGISTERED : 0) | (cowWindow && COW_WINDOW_READERS.has(instr.op) ? THREADS : 0);
  return { reads: mask(fp.reads) | extra, writes: mask(fp.writes) };
}

/** Masks per thread and pc: the step at pc, and the union over every step reachable from pc in the program. */
export interface DependencyTable {
  stepReads: Int32Array[];
  stepWrites: Int32Array[];
  futureReads: Int32Array[];
  futureWrites: Int32Array[];
}

/** Control-flow successors of instruction `i`: the next one and a jump target. */
function successors(instrs: readonly Instr[], i: number): number[] {
  const next = [i + 1];
  const target = instrs[i]?.target ?? -1;
  if (target >= 0) next.push(target);
  return next.filter((j) => j < instrs.length);
}

/** `design` narrows the footprints to that design's (`DESIGN_FOOTPRINTS`); without it, the union over every design. */
export function dependencyTable(programs: readonly Program[], cowWindow = false, design?: DesignId): DependencyTable {
  const table: DependencyTable = { stepReads: [], stepWrites: [], futureReads: [], futureWrites: [] };
  for (const { instrs } of programs) {
    const n = instrs.length;
    const reads = new Int32Array(n);
    const writes = new Int32Array(n);
    instrs.forEach((instr, i) => {
      const m = stepMasks(instr, cowWindow, design);
      reads[i] = m.reads;
      writes[i] = m.writes;
    });
    const futureReads = new Int32Array(n);
    const futureWrites = new Int32Array(n);
    // Loops make this a fixpoint: iterate until no union grows.
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = n - 1; i >= 0; i--) {
        let r = reads[i] as number;
        let w = writes[i] as number;
        for (const j of successors(instrs, i)) {
          r |= futureReads[j] as number;
          w |= futureWrites[j] as number;
        }
        if (r !== futureReads[i] || w !== futureWrites[i]) {
          futureReads[i] = r;
          futureWrites[i] = w;
          changed = true;
        }
      }
    }
    table.stepReads.push(reads);
    table.stepWrites.push(writes);
    table.futureReads.push(futureReads);
    table.futureWrites.push(futureWrites);
  }
  return table;
}

/**
 * May the step of thread `t` at `pc` and some step thread `u` can still take from `upc` touch the same part, one of
 * them writing it? Reading another thread's pc or locals conflicts with every step of it (each step writes its pc).
 * `ownFrames`: `t`'s step touches only frames no other thread can name (`private-frames.ts`), so not `frames`.
 */
export function mayConflict(
  table: DependencyTable,
  t: number,
  pc: number,
  u: number,
  upc: number,
  ownFrames = false,
): boolean {
  const keep = ownFrames ? ~FRAMES : -1;
  const r = (table.stepReads[t]?.[pc] ?? -1) & keep;
  const w = (table.stepWrites[t]?.[pc] ?? -1) & keep;
  const fr = table.futureReads[u]?.[upc] ?? -1;
  const fw = table.futureWrites[u]?.[upc] ?? -1;
  return conflicts(r, w, fr, fw);
}

/** `mayConflict` on masks already looked up: a step's reads and writes against a thread's future ones. */
const conflicts = (r: number, w: number, fr: number, fw: number) =>
  ((r | fr) & THREADS) !== 0 || (w & (fr | fw)) !== 0 || (r & fw) !== 0;

/** The per-thread view the check needs: each thread's pc and whether it has finished. */
export interface ThreadsView {
  readonly length: number;
  pc(t: number): number;
  done(t: number): boolean;
  /** The next step of `t` touches only frames no other thread can name (optional: never, when absent). */
  ownFrames?(t: number): boolean;
}

/**
 * The persistent set grown from thread `t`: a set of threads, as a bit mask, such that no thread outside it can take
 * any step, now or later, that conflicts with the next step of a thread inside it (conditions C0 and C1 of
 * docs/partial-order.md). Threads inside it cannot move before one of those next steps runs, so only the futures of
 * threads outside matter; a blocked thread inside stays blocked, since its `blocked` check's reads are in its step.
 */
export function persistentThreads(table: DependencyTable, view: ThreadsView, t: number): number {
  let inside = 1 << t;
  for (let grew = true; grew; ) {
    grew = false;
    for (let u = 0; u < view.length; u++) {
      if (inside & (1 << u) || view.done(u)) continue;
      for (let v = 0; v < view.length; v++) {
        if (inside & (1 << v) && mayConflict(table, v, view.pc(v), u, view.pc(u), view.ownFrames?.(v))) {
          inside |= 1 << u;
          grew = true;
          break;
        }
      }
    }
  }
  return inside;
}

/** Per call of `ampleCandidates`: each thread's pc and conflict row (threads whose futures its next step conflicts with). */
const pcs = new Int32Array(32);
const rows = new Int32Array(32);
const rowEpoch = new Int32Array(32);
let epoch = 0;

/**
 * The threads `u` (not `v`) of the `threads` first such that `v`'s next step may conflict with a step `u` can still
 * take (`mayConflict`, with the pcs in `pcs`). `view.ownFrames` is asked only when it changes the row (it scans the
 * state's frame words).
 */
function conflictRow(table: DependencyTable, view: ThreadsView, v: number, threads: number): number {
  if (rowEpoch[v] === epoch) return rows[v] as number;
  rowsOfThread(table, pcs, v, threads);
  const row = rowAll !== rowOwn && view.ownFrames?.(v) ? rowOwn : rowAll;
  rows[v] = row;
  rowEpoch[v] = epoch;
  return row;
}

/**
 * Every thread's conflict row for the pcs in `pcs[0, threads)` (as `conflictRow` computes it), into `rows`, and the
 * row it has when its next step touches only its own frames (`ownFrames`), into `ownRows`; threads in `skip` get 0.
 */
export function conflictRows(
  table: DependencyTable,
  pcs: ArrayLike<number>,
  threads: number,
  skip: number,
  rows: Int32Array,
  ownRows: Int32Array,
): void {
  for (let v = 0; v < threads; v++) {
    if (skip & (1 << v)) {
      rows[v] = 0;
      ownRows[v] = 0;
      continue;
    }
    rowsOfThread(table, pcs, v, threads);
    rows[v] = rowAll;
    ownRows[v] = rowOwn;
  }
}

/** `rowsOfThread`'s answer: thread v's conflict row, and the row it has when its next step touches only its own frames. */
let rowAll = 0;
let rowOwn = 0;

/** Thread v's two conflict rows for the pcs in `pcs[0, threads)`, into `rowAll` and `rowOwn` (no allocation). */
function rowsOfThread(table: DependencyTable, pcs: ArrayLike<number>, v: number, threads: number): void {
  const pc = pcs[v] as number;
  const r = table.stepReads[v]?.[pc] ?? -1;
  const w = table.stepWrites[v]?.[pc] ?? -1;
  const { futureReads, futureWrites } = table;
  let row = 0;
  let rowOwnFrames = 0;
  for (let u = 0; u < threads; u++) {
    if (u === v) continue;
    const upc = pcs[u] as number;
    const fr = futureReads[u]?.[upc] ?? -1;
    const fw = futureWrites[u]?.[upc] ?? -1;
    if (conflicts(r, w, fr, fw)) row |= 1 << u;
    if (conflicts(r & ~FRAMES, w & ~FRAMES, fr, fw)) rowOwnFrames |= 1 << u;
  }
  rowAll = row;
  rowOwn = rowOwnFrames;
}

/** The ascending thread list of each mask, built once and shared (callers only read candidates). */
const LISTS = new Map<number, readonly number[]>();
export function listOf(mask: number): readonly number[] {
  let list = LISTS.get(mask);
  if (!list) {
    list = Array.from({ length: 32 }, (_, t) => t).filter((t) => mask & (1 << t));
    LISTS.set(mask, list);
  }
  return list;
}

/** This call's candidate masks, smallest first, and their sizes (at most one per enabled thread). */
const masks = new Int32Array(32);
const sizes = new Int32Array(32);

/**
 * Adds candidate `ample` to the first `count` of `masks` (smallest first, their sizes in `sizes`) unless it is there
 * already, after every mask no larger, so that equal sizes keep their order. Returns the new count.
 */
export function addCandidate(masks: Int32Array, sizes: Int32Array, count: number, ample: number): number {
  for (let i = 0; i < count; i++) if (masks[i] === ample) return count;
  const size = popcount(ample);
  let at = count;
  for (; at > 0 && (sizes[at - 1] as number) > size; at--) {
    masks[at] = masks[at - 1] as number;
    sizes[at] = sizes[at - 1] as number;
  }
  masks[at] = ample;
  sizes[at] = size;
  return count + 1;
}

/** The first `count` candidate masks as thread lists (shared per mask, see `listOf`). */
export function candidateLists(masks: Int32Array, count: number): (readonly number[])[] {
  const out: (readonly number[])[] = [];
  for (let i = 0; i < count; i++) out.push(listOf(masks[i] as number));
  return out;
}

export const popcount = (m: number) => {
  let n = 0;
  for (let x = m; x !== 0; x &= x - 1) n++;
  return n;
};

/**
 * Candidate ample sets: for each enabled thread (ascending), the enabled threads of the persistent set grown from it
 * (as `persistentThreads` grows it, from conflict rows computed once per thread), when that leaves some enabled
 * thread out; distinct, smallest first. With `firstOnly`, it stops at the first set of one thread (then the first
 * candidate, since no set is smaller and sets of one thread come in `enabled` order) and returns only that one.
 */
export function ampleCandidates(
  table: DependencyTable,
  view: ThreadsView,
  enabled: readonly number[],
  firstOnly = false,
): (readonly number[])[] {
  epoch = (epoch + 1) | 0;
  const threads = view.length;
  let live = 0;
  for (let u = 0; u < threads; u++) {
    pcs[u] = view.pc(u);
    if (!view.done(u)) live |= 1 << u;
  }
  let all = 0;
  for (let k = 0; k < enabled.length; k++) all |= 1 << (enabled[k] as number);
  let count = 0;
  for (let k = 0; k < enabled.length; k++) {
    const t = enabled[k] as number;
    // The least set holding t and every live thread some thread inside conflicts with: `persistentThreads`.
    let inside = 1 << t;
    for (let todo = inside; todo !== 0; ) {
      const v = 31 - Math.clz32(todo);
      todo &= ~(1 << v);
      const added = conflictRow(table, view, v, threads) & live & ~inside;
      inside |= added;
      todo |= added;
    }
    const ample = inside & all;
    if (ample === all) continue;
    // A set of t alone is never among the earlier candidates, which each hold the thread they grew from.
    if (firstOnly && ample === 1 << t) return [listOf(ample)];
    count = addCandidate(masks, sizes, count, ample);
  }
  return candidateLists(masks, count);
}
