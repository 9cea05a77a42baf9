/**
 * The reduction's candidates, kept per tuple of pcs (docs/partial-order.md, "Candidates kept per pc tuple"). The
 * candidates `ampleCandidates` grows depend on the state only through each thread's pc and done flag, the enabled
 * threads, and, for a thread whose conflict row changes without `frames`, whether its frames are its own. So the
 * search computes them once per such tuple, not once per state: a search meets the same few thousand tuples hundreds
 * of thousands of times.
 */
import { homeSlot } from '../engine/key-table';
import {
  addCandidate,
  ampleCandidates,
  candidateLists,
  conflictRows,
  type DependencyTable,
  popcount,
  type ThreadsView,
} from './por';

type Candidates = readonly (readonly number[])[];

/** A tuple whose candidates depend on `ownFrames` answers: what grows them again for another answer. */
interface OwnFramesEntry {
  readonly rows: Int32Array;
  readonly ownRows: Int32Array;
  readonly live: number;
  /** The candidates when every asked thread's frames are its own (the usual case: one thread asked). */
  allOwn: Candidates | null;
  /** Candidates by other `ownFrames` answers (a mask inside the tuple's asked threads, neither none nor all). */
  readonly byOwn: Map<number, Candidates>;
}

/** Tuples kept at most; past it the cache starts again (a search meets far fewer). */
const MAX_ENTRIES = 1 << 16;
const NONE: Candidates = [];

const pcs = new Int32Array(32);
const scratchRows = new Int32Array(32);
const scratchOwnRows = new Int32Array(32);
const masks = new Int32Array(32);
const sizes = new Int32Array(32);

export class CandidateCache {
  /** Per tuple (its index): the candidates when no asked thread's frames are its own, and the threads asked. */
  private readonly plain: Candidates[] = [];
  private readonly asked: number[] = [];
  private readonly withOwnFrames: (OwnFramesEntry | null)[] = [];
  /** Open addressing from a tuple's number to its index (a `Map` of numbers hashes slower). */
  private slots = new Int32Array(1 << 10).fill(-1);
  private indices = new Int32Array(1 << 10);
  /** A tuple's slot is `homeSlot` of its number (its low bits would collide). */
  private shift = 32 - 10;
  /** Per thread, the values its pc and done flag take (pc 0 to its program's length, twice). */
  private readonly radix: number[];
  /** False when a tuple's number could pass 2^31 (then every call computes). */
  private readonly usable: boolean;

  constructor(
    private readonly table: DependencyTable,
    lengths: readonly number[],
    /** Whether thread `t`'s step at `pc` is an own-frame op (`view.ownFrames` is false wherever this is not). */
    private readonly ownFrameAt: (t: number, pc: number) => boolean,
  ) {
    this.radix = lengths.map((n) => 2 * (n + 1));
    const tuples = this.radix.reduce((p, r) => p * r, 2 ** lengths.length);
    this.usable = tuples < 2 ** 31;
  }

  /** Tuples kept. */
  get size(): number {
    return this.plain.length;
  }

  /** `ampleCandidates(table, view, enabled)`: the same candidates in the same order (shared: callers only read). */
  candidates(view: ThreadsView, enabled: readonly number[]): Candidates {
    const threads = view.length;
    if (!this.usable || threads !== this.radix.length) return ampleCandidates(this.table, view, enabled);
    let key = 0;
    for (let t = 0; t < threads; t++) {
      const pc = view.pc(t);
      const radix = this.radix[t] as number;
      if (!(pc >= 0 && 2 * pc + 1 < radix)) return ampleCandidates(this.table, view, enabled);
      key = key * radix + 2 * pc + (view.done(t) ? 1 : 0);
    }
    let all = 0;
    for (let k = 0; k < enabled.length; k++) all |= 1 << (enabled[k] as number);
    key = key * (1 << threads) + all;
    const mask = this.slots.length - 1;
    let slot = homeSlot(key, this.shift);
    let at = this.slots[slot] as number;
    while (at !== -1 && at !== key) {
      slot = (slot + 1) & mask;
      at = this.slots[slot] as number;
    }
    const index = at === key ? (this.indices[slot] as number) : this.add(key, view, all, enabled);
    const asked = this.asked[index] as number;
    if (asked === 0) return this.plain[index] as Candidates;
    return this.ownFramesCandidates(index, asked, view, enabled, all);
  }

  /** The candidates of a tuple whose threads in `asked` may have frames of their own: by `view.ownFrames`. */
  private ownFramesCandidates(
    index: number,
    asked: number,
    view: ThreadsView,
    enabled: readonly number[],
    all: number,
  ): Candidates {
    let own = 0;
    for (let todo = asked; todo !== 0; todo &= todo - 1) {
      const v = 31 - Math.clz32(todo & -todo);
      if (view.ownFrames?.(v)) own |= 1 << v;
    }
    if (own === 0) return this.plain[index] as Candidates;
    const entry = this.withOwnFrames[index] as OwnFramesEntry;
    if (own === asked) {
      entry.allOwn ??= grow(entry.rows, entry.ownRows, own, entry.live, enabled, all);
      return entry.allOwn;
    }
    let found = entry.byOwn.get(own);
    if (found === undefined) {
      found = grow(entry.rows, entry.ownRows, own, entry.live, enabled, all);
      entry.byOwn.set(own, found);
    }
    return found;
  }

  /** Computes a new tuple's rows and plain candidates; returns its index. */
  private add(key: number, view: ThreadsView, all: number, enabled: readonly number[]): number {
    const threads = view.length;
    let live = 0;
    let asked = 0;
    for (let t = 0; t < threads; t++) {
      pcs[t] = view.pc(t);
      if (!view.done(t)) live |= 1 << t;
    }
    conflictRows(this.table, pcs, threads, ~live, scratchRows, scratchOwnRows);
    for (let t = 0; t < threads; t++) {
      if (scratchRows[t] !== scratchOwnRows[t] && this.ownFrameAt(t, pcs[t] as number)) asked |= 1 << t;
    }
    const plain = grow(scratchRows, scratchOwnRows, 0, live, enabled, all);
    if (asked !== 0) asked = answersThatMatter(asked, live, enabled, all);
    if (this.plain.length >= MAX_ENTRIES) this.clear();
    const index = this.plain.length;
    this.plain.push(plain);
    this.asked.push(asked);
    if (asked === 0) this.withOwnFrames.push(null);
    else {
      const rows = scratchRows.slice(0, threads);
      const ownRows = scratchOwnRows.slice(0, threads);
      this.withOwnFrames.push({ rows, ownRows, live, allOwn: null, byOwn: new Map() });
    }
    if (2 * (index + 1) > this.slots.length) this.growSlots();
    this.place(key, index);
    return index;
  }

  private clear(): void {
    this.plain.length = 0;
    this.asked.length = 0;
    this.withOwnFrames.length = 0;
    this.slots.fill(-1);
  }

  private place(key: number, index: number): void {
    const mask = this.slots.length - 1;
    let slot = homeSlot(key, this.shift);
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = key;
    this.indices[slot] = index;
  }

  private growSlots(): void {
    const { slots, indices } = this;
    this.slots = new Int32Array(2 * slots.length).fill(-1);
    this.indices = new Int32Array(2 * slots.length);
    this.shift--;
    for (let i = 0; i < slots.length; i++) if (slots[i] !== -1) this.place(slots[i] as number, indices[i] as number);
  }
}

/**
 * The threads of `asked` whose answer can change the candidates grown from the rows in the scratch: `v` is kept when
 * flipping its answer alone changes them for some answers of the others. The candidates then depend on the kept
 * threads' answers alone (each answer scans the state's references, so fewer asked is cheaper).
 */
function answersThatMatter(asked: number, live: number, enabled: readonly number[], all: number): number {
  // Past a few threads, 2^k growths on a miss would cost more than the scans they save.
  if (popcount(asked) > 5) return asked;
  const bySubset = new Map<number, Candidates>();
  for (let own = asked; ; own = (own - 1) & asked) {
    bySubset.set(own, grow(scratchRows, scratchOwnRows, own, live, enabled, all));
    if (own === 0) break;
  }
  let matter = 0;
  for (let todo = asked; todo !== 0; todo &= todo - 1) {
    const v = todo & -todo;
    for (const [own, candidates] of bySubset) {
      if (own & v || sameCandidates(candidates, bySubset.get(own | v) as Candidates)) continue;
      matter |= v;
      break;
    }
  }
  return matter;
}

/** Lists are shared per mask (`listOf`), so equal candidates hold the same arrays. */
function sameCandidates(a: Candidates, b: Candidates): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The candidates `ampleCandidates` grows, from every thread's row (`ownRows` for the threads in `own`): per enabled
 * thread the least set closed under the rows of its live threads, its enabled part when that leaves an enabled thread
 * out; distinct, smallest first (ties in `enabled` order).
 */
function grow(
  rows: Int32Array,
  ownRows: Int32Array,
  own: number,
  live: number,
  enabled: readonly number[],
  all: number,
): Candidates {
  let count = 0;
  for (let k = 0; k < enabled.length; k++) {
    const t = enabled[k] as number;
    let inside = 1 << t;
    for (let todo = inside; todo !== 0; ) {
      const v = 31 - Math.clz32(todo);
      todo &= ~(1 << v);
      const added = ((own & (1 << v) ? ownRows[v] : rows[v]) as number) & live & ~inside;
      inside |= added;
      todo |= added;
    }
    const ample = inside & all;
    if (ample !== all) count = addCandidate(masks, sizes, count, ample);
  }
  return count === 0 ? NONE : candidateLists(masks, count);
}
