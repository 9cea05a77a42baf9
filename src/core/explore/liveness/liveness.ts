import { IntWriter } from '../engine/int-writer';
import type { ExploreOptions, ExploreProgress, ExploreStatus, Machine } from '../engine/machine';
import { type Component, enabledMask, fairLoop, isInternal, shortestLoop, threadOf } from './lasso';
import { stronglyConnected } from './scc';
import { buildGraph, type GraphOptions, PROGRESS, type ProgressSpec, type StateGraph } from './state-graph';

/** A run that never makes progress: `prefix` reaches a state, and `loop` returns to that same state forever. */
export interface Lasso {
  prefix: number[];
  loop: number[];
  /** Threads that step in the loop. */
  stepping: number[];
  /** Threads that can step in every state of the loop but never do (none, when the loop is weakly fair). */
  neglected: number[];
}

export interface LivenessAnswer {
  /** `unknown`: the search stopped early and found no such cycle in the part it saw. */
  verdict: 'live' | 'violated' | 'unknown';
  /** The lasso with the shortest prefix (to the loop state discovered first), when violated. */
  lasso?: Lasso;
  /** One or two sentences for people (the Ringside adapter says what the loop does). */
  message: string;
}

export interface LivenessResult {
  status: ExploreStatus;
  complete: boolean;
  states: number;
  transitions: number;
  ms: number;
  /** Peak bytes of the graph and of the component search. */
  bytes: number;
  /** Strongly connected components of the non-progress subgraph that hold a cycle, and how many are weakly fair. */
  cycles: number;
  fairCycles: number;
  /** Any non-progress cycle counts. */
  noFairness: LivenessAnswer;
  /** Only cycles in which every thread enabled in all their states also steps count. */
  weakFairness: LivenessAnswer;
  /** Lassos that did not replay to their own start (a 64-bit hash collision merged two states). */
  errors: string[];
}

/** The component with a cycle whose entry has the shortest prefix (members are kept only for the fair one). */
interface FoundCycle {
  id: number;
  entry: number;
  /** Threads enabled in every state of the component. */
  everywhere: number;
  members: number[];
}

/**
 * Liveness check: is there a reachable cycle with no progress step? Builds the state graph (bounded like the
 * safety search), runs Tarjan over its non-progress edges, and judges each component with a cycle. Under weak
 * fairness one pass suffices: a thread enabled in every state of a component that never steps inside it is
 * continuously enabled on every cycle there, so no cycle in that component is fair; otherwise a walk through all
 * of the component's edges is fair. (Strong fairness would need the iterative removal of states.)
 */
export function* livenessSteps<S>(
  machine: Machine<S>,
  spec: ProgressSpec<S>,
  options: GraphOptions<S> = {},
): Generator<ExploreProgress, LivenessResult, void> {
  const g = yield* buildGraph(machine, spec, options);
  const started = performance.now();
  let cycles = 0;
  let fairCycles = 0;
  const found: { any: FoundCycle | null; fair: FoundCycle | null } = { any: null, fair: null };
  const component = stronglyConnected(
    { nodes: g.expanded, edgeStart: g.edgeStart, edgeTo: g.edgeTo },
    (e) => ((g.edgeLabel[e] as number) & PROGRESS) === 0,
    (members, id, comp) => {
      let entry = members[0] as number;
      for (const v of members) entry = Math.min(entry, v);
      const c: Component = { graph: g, component: comp, id, entry };
      let everywhere = 0xffffffff;
      let stepping = 0;
      let internal = 0;
      for (const v of members) {
        everywhere &= enabledMask(g, v);
        for (let e = g.edgeStart[v] as number; e < (g.edgeStart[v + 1] as number); e++) {
          if (!isInternal(c, e)) continue;
          internal++;
          stepping |= 1 << threadOf(g, e);
        }
      }
      if (internal === 0) return;
      cycles++;
      if (!found.any || entry < found.any.entry) found.any = { id, entry, everywhere, members: [] };
      if ((everywhere & ~stepping) !== 0) return;
      fairCycles++;
      if (!found.fair || entry < found.fair.entry) found.fair = { id, entry, everywhere, members: Array.from(members) };
    },
  );
  const errors: string[] = [];
  const answer = (cycle: FoundCycle | null, loopOf: (c: Component, cycle: FoundCycle) => number[]): LivenessAnswer => {
    if (!cycle) {
      return g.status === 'complete'
        ? { verdict: 'live', message: 'live: every reachable cycle makes progress' }
        : {
            verdict: 'unknown',
            message: `no cycle without progress in the ${g.states} states explored, but the search stopped early`,
          };
    }
    const c: Component = { graph: g, component, id: cycle.id, entry: cycle.entry };
    const lasso = lassoOf(g, c.entry, loopOf(c, cycle));
    const wrong = replayError(machine, spec, lasso);
    if (wrong) errors.push(wrong);
    const message = `a loop of ${lasso.loop.length} steps without progress, after ${lasso.prefix.length} steps`;
    return { verdict: 'violated', lasso, message };
  };
  const noFairness = answer(found.any, shortestLoop);
  const weakFairness = answer(found.fair, (c, cycle) => fairLoop(c, cycle.everywhere, cycle.members));
  return {
    status: g.status,
    complete: g.status === 'complete',
    states: g.states,
    transitions: g.transitions,
    ms: g.ms + performance.now() - started,
    bytes: g.bytes + g.expanded * 6 * 4,
    cycles,
    fairCycles,
    noFairness,
    weakFairness,
    errors,
  };
}

export function checkLiveness<S>(machine: Machine<S>, spec: ProgressSpec<S>, options: ExploreOptions = {}) {
  const run = livenessSteps(machine, spec, options);
  let r = run.next();
  while (!r.done) r = run.next();
  return r.value;
}

function lassoOf(g: StateGraph, entry: number, loopEdges: number[]): Lasso {
  const visited = [entry, ...loopEdges.map((e) => g.edgeTo[e] as number)];
  const stepping = new Set(loopEdges.map((e) => threadOf(g, e)));
  const always = visited.reduce((mask, v) => mask & enabledMask(g, v), 0xffffffff);
  const neglected: number[] = [];
  for (let t = 0; t < 32; t++) if ((always >>> t) & 1 && !stepping.has(t)) neglected.push(t);
  return {
    prefix: g.parents.schedule(entry),
    loop: loopEdges.map((e) => threadOf(g, e)),
    stepping: [...stepping].sort((a, b) => a - b),
    neglected,
  };
}

/** Replays the lasso exactly (full encodings, no hashing): the loop must return to its first state without progress. */
function replayError<S>(machine: Machine<S>, spec: ProgressSpec<S>, lasso: Lasso): string | null {
  let state = machine.init();
  for (const t of lasso.prefix) {
    const r = machine.step(state, t);
    if (!r.ok) return `lasso prefix does not replay: ${r.error}`;
    state = r.state;
  }
  const keyOf = (s: S) => {
    const w = new IntWriter();
    machine.encode(s, w);
    return w.key();
  };
  const start = keyOf(state);
  for (const t of lasso.loop) {
    const r = machine.step(state, t);
    if (!r.ok) return `lasso loop does not replay: ${r.error}`;
    if (spec.progress(state, t, r.state)) return 'lasso loop makes progress on replay (a hash collision)';
    state = r.state;
  }
  return keyOf(state) === start ? null : 'lasso loop does not return to its first state (a hash collision)';
}
