/**
 * The reduction's `ampleSets` on the packed machine's words: the same candidates as `ringsideAmpleSets` on the
 * unpacked state (each thread's pc and done flag; for `OWN_FRAME_OPS`, the frames every reference names), read
 * through the generated accessors with one reused view and scratch, so asking allocates no state object.
 */
import { hasForkThread } from '../../cow-window';
import { programsOf } from '../../programs/compile';
import { newStateWords, W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { CandidateCache } from './candidate-cache';
import { dependencyTable, type ThreadsView } from './por';
import { OWN_FRAME_OPS } from './private-frames';

const T = W.threads;
const L = W.threads.locals;
const TLB = W.tlbs.item;

/** Marks frame `f` in `named[0, count)` (a module function: a closure per call would allocate). */
function mark(named: Uint8Array, count: number, f: number): void {
  if (f >= 0 && f < count) named[f] = 1;
}

/** `markNamedFrames` on words: marks, in `named[0, count)`, every frame a reference outside thread `t`'s locals names. */
export function markNamedFrameWords(w: Int32Array, t: number, named: Uint8Array, count = named.length): void {
  for (let i = 0, n = W.ptes.length(w); i < n; i++) mark(named, count, W.ptes.frame.get(w, i));
  for (let i = 0, n = W.vmalloc.length(w); i < n; i++) mark(named, count, W.vmalloc.frame.get(w, i));
  for (let cpu = 0, n = W.tlbs.length(w); cpu < n; cpu++) {
    for (let i = 0, m = TLB.length(w, cpu); i < m; i++) mark(named, count, TLB.frame.get(w, cpu, i));
  }
  for (let i = 0, n = W.vhost.ptr.length(w); i < n; i++) mark(named, count, W.vhost.ptr.get(w, i));
  for (let u = 0, n = T.length(w); u < n; u++) {
    if (u === t) continue;
    for (let i = 0, m = L.pages.length(w, u); i < m; i++) mark(named, count, L.pages.get(w, u, i));
    for (let i = 0, m = L.refs.length(w, u); i < m; i++) mark(named, count, L.refs.get(w, u, i));
    mark(named, count, L.newFrame.get(w, u));
  }
}

/**
 * `ownFramesPrivate` on words: no reference outside thread `t`'s locals names a frame in its `pages` or `refs`. It
 * marks `t`'s own frames in `scratch` (all zero on entry, and left so) and stops at the first reference outside that
 * names one.
 */
export function ownFrameWordsPrivate(w: Int32Array, t: number, scratch: Uint8Array): boolean {
  if (t >= T.length(w)) return false;
  const frames = W.frames.length(w);
  const own = scratch.length >= frames ? scratch : new Uint8Array(frames);
  let owned = 0;
  for (let i = 0, m = L.pages.length(w, t); i < m; i++) owned += markOwn(own, frames, L.pages.get(w, t, i));
  for (let i = 0, m = L.refs.length(w, t); i < m; i++) owned += markOwn(own, frames, L.refs.get(w, t, i));
  if (owned === 0) return true;
  const shared = namesOwn(w, t, own, frames);
  for (let i = 0, m = L.pages.length(w, t); i < m; i++) unmark(own, frames, L.pages.get(w, t, i));
  for (let i = 0, m = L.refs.length(w, t); i < m; i++) unmark(own, frames, L.refs.get(w, t, i));
  return !shared;
}

/** Marks frame `f` (when in the table): 1 when it was not marked yet. */
function markOwn(own: Uint8Array, frames: number, f: number): number {
  if (f < 0 || f >= frames || own[f]) return 0;
  own[f] = 1;
  return 1;
}

function unmark(own: Uint8Array, frames: number, f: number): void {
  if (f >= 0 && f < frames) own[f] = 0;
}

const marked = (own: Uint8Array, frames: number, f: number) => f >= 0 && f < frames && own[f] === 1;

/** Does a reference outside thread `t`'s locals name a frame marked in `own` (the references `markNamedFrameWords` reads)? */
function namesOwn(w: Int32Array, t: number, own: Uint8Array, frames: number): boolean {
  for (let i = 0, n = W.ptes.length(w); i < n; i++) if (marked(own, frames, W.ptes.frame.get(w, i))) return true;
  for (let i = 0, n = W.vmalloc.length(w); i < n; i++) if (marked(own, frames, W.vmalloc.frame.get(w, i))) return true;
  for (let cpu = 0, n = W.tlbs.length(w); cpu < n; cpu++) {
    for (let i = 0, m = TLB.length(w, cpu); i < m; i++) if (marked(own, frames, TLB.frame.get(w, cpu, i))) return true;
  }
  for (let i = 0, n = W.vhost.ptr.length(w); i < n; i++) if (marked(own, frames, W.vhost.ptr.get(w, i))) return true;
  for (let u = 0, n = T.length(w); u < n; u++) {
    if (u === t) continue;
    for (let i = 0, m = L.pages.length(w, u); i < m; i++) if (marked(own, frames, L.pages.get(w, u, i))) return true;
    for (let i = 0, m = L.refs.length(w, u); i < m; i++) if (marked(own, frames, L.refs.get(w, u, i))) return true;
    if (marked(own, frames, L.newFrame.get(w, u))) return true;
  }
  return false;
}

/** What the reduction derives from a scenario's programs and design alone, shared by the searches of equal ones. */
interface Reduction {
  readonly ownFrameOp: readonly (readonly boolean[])[];
  readonly cache: CandidateCache;
}

/** Reductions by what they are derived from; the matrix's cells repeat the same programs under other names. */
const REDUCTIONS = new Map<string, Reduction>();
/** Kept tuples over every shared cache at most (a few tens of bytes each); past it the sharing starts again. */
const MAX_SHARED_TUPLES = 1 << 18;

/** What a reduction is derived from: the design, the fork window, and each step's op, depth and jump target. */
export function reductionKey(scenario: Scenario): string {
  const programs = programsOf(scenario).map(({ instrs }) => instrs.map((i) => `${i.op}:${i.depth}:${i.target}`));
  return `${scenario.design}/${hasForkThread(scenario)}/${programs.map((p) => p.join(',')).join('|')}`;
}

function reductionOf(scenario: Scenario): Reduction {
  const programs = programsOf(scenario);
  const cowWindow = hasForkThread(scenario);
  const from = reductionKey(scenario);
  let reduction = REDUCTIONS.get(from);
  if (!reduction) {
    const table = dependencyTable(programs, cowWindow, scenario.design);
    const ownFrameOp = programs.map(({ instrs }) => instrs.map((i) => OWN_FRAME_OPS.has(i.op)));
    const lengths = programs.map(({ instrs }) => instrs.length);
    const cache = new CandidateCache(table, lengths, (t, pc) => ownFrameOp[t]?.[pc] ?? false);
    let tuples = 0;
    for (const { cache } of REDUCTIONS.values()) tuples += cache.size;
    if (tuples >= MAX_SHARED_TUPLES) REDUCTIONS.clear();
    reduction = { ownFrameOp, cache };
    REDUCTIONS.set(from, reduction);
  }
  return reduction;
}

/** `ringsideAmpleSets` for states held as words (`packed-machine.ts`). */
export function wordAmpleSets(
  scenario: Scenario,
): (w: Int32Array, enabled: readonly number[], firstOnly?: boolean) => readonly (readonly number[])[] {
  const { ownFrameOp, cache } = reductionOf(scenario);
  const scratch = new Uint8Array(256);
  // One view, pointed at the words being asked about: the search calls this once per expanded state.
  let words = newStateWords();
  const view: ThreadsView = {
    get length() {
      return T.length(words);
    },
    pc: (t) => T.pc.get(words, t),
    done: (t) => T.done.get(words, t),
    // Asked at most once per thread and call: by the cache, and by `ampleCandidates` once per conflict row.
    ownFrames: (t) => (ownFrameOp[t]?.[T.pc.get(words, t)] ?? false) && ownFrameWordsPrivate(words, t, scratch),
  };
  // Every candidate, with `firstOnly` too: the cache holds them all, and the first is the same.
  return (w, enabled) => {
    words = w;
    return cache.candidates(view, enabled);
  };
}
