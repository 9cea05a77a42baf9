import { DEFAULT_MAX_STATES } from '../engine/engine';
import { encodedLevel, type Level, objectLevel } from '../engine/frontier';
import { IntWriter } from '../engine/int-writer';
import type { ExploreOptions, ExploreProgress, ExploreStatus, Machine, MachineStep } from '../engine/machine';
import { ParentLog } from '../engine/parent-log';
import { exactStateIndex, hashedStateIndex } from './state-index';

/** What makes a step progress: the liveness property asks for infinitely many progress steps on every run. */
export interface ProgressSpec<S> {
  progress(from: S, thread: number, to: S): boolean;
}

/** Set in an edge label when the step is progress; the low bits are the thread. */
export const PROGRESS = 0x80;
/** Threads are kept in 32-bit masks (enabled, stepping), so a graph has at most 32 of them. */
export const MAX_THREADS = 32;

/**
 * Sees every expansion while the graph is built (`from` is the expanded state's id, `depth` its BFS level), so that a
 * safety search can ride along the same walk (graph-safety.ts). Called with the log, not a closure: nothing per step.
 */
export interface GraphObserver<S> {
  stuck(parents: ParentLog, from: number, depth: number, state: S): void;
  step(parents: ParentLog, from: number, depth: number, thread: number, result: MachineStep<S>): void;
}

export type GraphOptions<S> = ExploreOptions & { observer?: GraphObserver<S> };

/** The reachable state graph, ids in breadth-first order, edges of state s at [edgeStart[s], edgeStart[s + 1]). */
export interface StateGraph {
  status: ExploreStatus;
  /** States discovered. */
  states: number;
  /** States [0, expanded) have every out-edge recorded; the others have none. */
  expanded: number;
  transitions: number;
  depth: number;
  edgeStart: Int32Array;
  edgeTo: Int32Array;
  edgeLabel: Uint8Array;
  parents: ParentLog;
  /** Peak bytes of the graph's stores (state index, parent log, edges, frontier encodings). */
  bytes: number;
  ms: number;
}

/**
 * Breadth-first search that records every transition as an edge, bounded like the safety search. States are
 * expanded in id order, so each state's edges are contiguous and the edge list needs no per-edge source.
 */
export function* buildGraph<S>(
  machine: Machine<S>,
  spec: ProgressSpec<S>,
  options: GraphOptions<S> = {},
): Generator<ExploreProgress, StateGraph, void> {
  const { observer } = options;
  const started = performance.now();
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const progressEvery = options.progressEvery ?? 100_000;
  const index = options.exact ? exactStateIndex() : hashedStateIndex();
  const parents = new ParentLog();
  const makeLevel = (): Level<S> =>
    machine.decode && !options.objectFrontier ? encodedLevel(machine.decode) : objectLevel<S>();
  let level = makeLevel();
  let next = makeLevel();
  let edgeStart = new Int32Array(1 << 10);
  let edgeTo = new Int32Array(1 << 12);
  let edgeLabel = new Uint8Array(1 << 12);
  let edges = 0;
  let expanded = 0;
  let transitions = 0;
  let depth = 0;
  let peakLevelBytes = 0;
  let status: ExploreStatus = 'complete';
  const w = new IntWriter();
  const stop = () => options.signal?.aborted === true || options.shouldStop?.() === true;
  // The same bounds as the safety search: memory as well as states, and time slices for the page's main thread.
  const { maxStoreBytes = Number.POSITIVE_INFINITY, sliceMs } = options;
  const storeBytes = () =>
    edgeStart.byteLength + edgeTo.byteLength + edgeLabel.byteLength + parents.bytes + level.bytes + next.bytes;
  let sliceEnds = sliceMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + sliceMs;

  const init = machine.init();
  machine.encode(init, w);
  index.idOrAdd(w, 0);
  level.push(init, w, parents.push(-1, 0));

  search: while (level.size > 0) {
    for (let i = 0; i < level.size; i++) {
      const from = level.id(i);
      if (from % 512 === 0 && stop()) {
        status = 'cancelled';
        break search;
      }
      if (from % 512 === 0 && storeBytes() > maxStoreBytes) {
        status = 'bound';
        break search;
      }
      if (sliceMs !== undefined && performance.now() >= sliceEnds) {
        yield { states: parents.size, transitions, depth: depth + 1, ms: performance.now() - started };
        sliceEnds = performance.now() + sliceMs;
      }
      if (from + 2 > edgeStart.length) edgeStart = grownInt32(edgeStart, from + 2);
      edgeStart[from] = edges;
      const state = level.state(i, depth);
      const threads = machine.enabled(state);
      if (threads.length === 0) observer?.stuck(parents, from, depth, state);
      for (const t of threads) {
        if (t >= MAX_THREADS) throw new RangeError(`thread ${t}: the liveness graph keeps at most ${MAX_THREADS}`);
        const result = machine.step(state, t);
        transitions++;
        observer?.step(parents, from, depth, t, result);
        if (!result.ok) continue;
        w.reset();
        machine.encode(result.state, w);
        let to = index.idOrAdd(w, parents.size);
        if (to < 0) {
          if (parents.size >= maxStates) {
            status = 'bound';
            edges = edgeStart[from] as number;
            break search;
          }
          to = parents.push(from, t);
          next.push(result.state, w, to);
          if (parents.size % progressEvery === 0) {
            const progress = { states: parents.size, transitions, depth: depth + 1, ms: performance.now() - started };
            options.onProgress?.(progress);
            yield progress;
          }
        }
        if (edges === edgeTo.length) {
          edgeTo = grownInt32(edgeTo, edges + 1);
          edgeLabel = grownUint8(edgeLabel, edges + 1);
        }
        edgeTo[edges] = to;
        edgeLabel[edges] = t | (spec.progress(state, t, result.state) ? PROGRESS : 0);
        edges++;
      }
      expanded = from + 1;
      edgeStart[expanded] = edges;
    }
    peakLevelBytes = Math.max(peakLevelBytes, level.bytes + next.bytes);
    if (next.size === 0) break;
    [level, next] = [next, level];
    next.clear();
    depth++;
  }
  edgeStart[expanded] = edges;
  return {
    status,
    states: parents.size,
    expanded,
    transitions,
    depth,
    edgeStart,
    edgeTo,
    edgeLabel,
    parents,
    bytes:
      index.bytes + parents.bytes + edgeStart.byteLength + edgeTo.byteLength + edgeLabel.byteLength + peakLevelBytes,
    ms: performance.now() - started,
  };
}

function grownInt32(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  let length = a.length * 2;
  while (length < atLeast) length *= 2;
  const next = new Int32Array(length);
  next.set(a);
  return next;
}

function grownUint8(a: Uint8Array<ArrayBuffer>, atLeast: number): Uint8Array<ArrayBuffer> {
  let length = a.length * 2;
  while (length < atLeast) length *= 2;
  const next = new Uint8Array(length);
  next.set(a);
  return next;
}
