import { PROGRESS, type StateGraph } from './state-graph';

const THREAD_BITS = 0x7f;

/** One strongly connected component of the non-progress subgraph, seen from its first-discovered state. */
export interface Component {
  graph: StateGraph;
  /** Component id per state (from `stronglyConnected`). */
  component: Int32Array;
  id: number;
  /** Its state with the smallest id: the one with the shortest schedule from the initial state. */
  entry: number;
}

/** Threads that can step in state v (one edge per enabled thread), as a bit mask. */
export function enabledMask(g: StateGraph, v: number): number {
  let mask = 0;
  for (let e = g.edgeStart[v] as number; e < (g.edgeStart[v + 1] as number); e++) {
    mask |= 1 << ((g.edgeLabel[e] as number) & THREAD_BITS);
  }
  return mask >>> 0;
}

/** An edge that stays inside the component and is not progress. */
export function isInternal(c: Component, e: number): boolean {
  const to = c.graph.edgeTo[e] as number;
  return ((c.graph.edgeLabel[e] as number) & PROGRESS) === 0 && c.component[to] === c.id;
}

export const threadOf = (g: StateGraph, e: number) => (g.edgeLabel[e] as number) & THREAD_BITS;

/**
 * Shortest path of internal edges from `start` to a state satisfying `isTarget` (edge indices); with `nonEmpty`,
 * at least one edge even when `start` is a target (a cycle back to it). Null when no target is reachable.
 */
function shortestPath(c: Component, start: number, isTarget: (v: number) => boolean, nonEmpty: boolean) {
  if (!nonEmpty && isTarget(start)) return { edges: [] as number[], end: start };
  const g = c.graph;
  const via = new Map<number, number>([[start, -1]]);
  const queue = [start];
  const pathTo = (v: number, last: number) => {
    const edges = [last];
    for (let x = v; x !== start; ) {
      const e = via.get(x) as number;
      edges.push(e);
      x = sourceOf(g, e);
    }
    return edges.reverse();
  };
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head] as number;
    for (let e = g.edgeStart[x] as number; e < (g.edgeStart[x + 1] as number); e++) {
      if (!isInternal(c, e)) continue;
      const y = g.edgeTo[e] as number;
      if (isTarget(y)) return { edges: x === start ? [e] : pathTo(x, e), end: y };
      if (via.has(y)) continue;
      via.set(y, e);
      queue.push(y);
    }
  }
  return null;
}

/** The state an edge leaves (a binary search over edgeStart: edges are stored in state order). */
function sourceOf(g: StateGraph, e: number): number {
  let lo = 0;
  let hi = g.expanded - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((g.edgeStart[mid] as number) <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shortest cycle through the component's entry state, as edge indices. */
export function shortestLoop(c: Component): number[] {
  return shortestPath(c, c.entry, (v) => v === c.entry, true)?.edges ?? [];
}

/**
 * A weakly fair cycle through the entry of a fair component: for each thread that can step somewhere in it, the
 * loop either takes one of its internal steps (always, for a thread enabled in every state of the component) or
 * passes through a state where the thread cannot step; then it returns to the entry.
 */
export function fairLoop(c: Component, enabledEverywhere: number, members: readonly number[]): number[] {
  const g = c.graph;
  let anyEnabled = 0;
  for (const v of members) anyEnabled |= enabledMask(g, v);
  const loop: number[] = [];
  let at = c.entry;
  for (let t = 0; t < 32; t++) {
    if (((anyEnabled >>> t) & 1) === 0) continue;
    if ((enabledEverywhere >>> t) & 1) {
      const stepsHere = (v: number) => internalStepOf(c, v, t) >= 0;
      const path = shortestPath(c, at, stepsHere, false);
      if (!path) return [];
      const step = internalStepOf(c, path.end, t);
      loop.push(...path.edges, step);
      at = g.edgeTo[step] as number;
    } else {
      const path = shortestPath(c, at, (v) => ((enabledMask(g, v) >>> t) & 1) === 0, false);
      if (!path) return [];
      loop.push(...path.edges);
      at = path.end;
    }
  }
  const back = shortestPath(c, at, (v) => v === c.entry, loop.length === 0 && at === c.entry);
  return back ? [...loop, ...back.edges] : [];
}

function internalStepOf(c: Component, v: number, t: number): number {
  const g = c.graph;
  for (let e = g.edgeStart[v] as number; e < (g.edgeStart[v + 1] as number); e++) {
    if (threadOf(g, e) === t && isInternal(c, e)) return e;
  }
  return -1;
}
