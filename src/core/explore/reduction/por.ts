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
  if ((r | fr) & THREADS) return true;
  return (w & (fr | fw)) !== 0 || (r & fw) !== 0;
}

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

/**
 * Candidate ample sets: for each enabled thread, the enabled threads of the persistent set grown from it, when that
 * leaves some enabled thread out; distinct, smallest first.
 */
export function ampleCandidates(table: DependencyTable, view: ThreadsView, enabled: readonly number[]): number[][] {
  let all = 0;
  for (const t of enabled) all |= 1 << t;
  const masks: number[] = [];
  for (const t of enabled) {
    const ample = persistentThreads(table, view, t) & all;
    if (ample !== all && !masks.includes(ample)) masks.push(ample);
  }
  return masks.map((m) => enabled.filter((t) => m & (1 << t))).sort((a, b) => a.length - b.length);
}
