import type { ProgressSpec } from '../liveness/state-graph';
import { hash64 } from './hash64';
import { IntWriter } from './int-writer';
import type { Machine, StepFinding } from './machine';

/** One transition of a hand-made graph: thread `t` moves from its node to `to`; `progress` marks a progress step. */
export interface GraphEdge {
  t: number;
  to: number;
  progress?: boolean;
}

/** A hand-made state graph as a machine: the state is the node, each thread has at most one edge per node. */
export function graphMachine(edges: Record<number, GraphEdge[]>): Machine<number> & ProgressSpec<number> {
  const out = (s: number) => edges[s] ?? [];
  return {
    init: () => 0,
    enabled: (s) => out(s).map((e) => e.t),
    step(s, t) {
      const e = out(s).find((x) => x.t === t);
      return e ? { ok: true, state: e.to, findings: [] } : { ok: false, error: `thread ${t} cannot step in ${s}` };
    },
    encode(s, w) {
      w.push(s);
    },
    progress: (from, t) => out(from).find((x) => x.t === t)?.progress === true,
  };
}

/** The nodes a schedule visits from node 0, or null where it takes an edge the graph lacks. */
export function walk(edges: Record<number, GraphEdge[]>, schedule: readonly number[], from = 0): number[] | null {
  const nodes = [from];
  for (const t of schedule) {
    const e = (edges[nodes[nodes.length - 1] as number] ?? []).find((x) => x.t === t);
    if (!e) return null;
    nodes.push(e.to);
  }
  return nodes;
}

/** The same machine with a key (`Machine.key`, the hash of its encoding), so the engine looks states up by key. */
export function withKey<S>(machine: Machine<S>): Machine<S> {
  const w = new IntWriter();
  return {
    ...machine,
    key(state) {
      w.reset();
      machine.encode(state, w);
      hash64(w.buf, w.len);
    },
  };
}

/** The two ways a hashed search looks states up: by encoding (a machine without a key) and by the machine's key. */
export const LOOKUPS = [
  ['by encoding', <S>(machine: Machine<S>) => machine],
  ['by key', withKey],
] as const;

/** The finding `reducedGraph` reports on a step into its hazard node. */
export const boom: StepFinding = { kind: 'boom', severity: 'hazard', message: 'reached the hazard node' };

/** A hand-made graph whose steps into `hazardNode` report `boom`, with the given candidate ample sets per node. */
export function reducedGraph(
  edges: Record<number, GraphEdge[]>,
  ample: Record<number, number[][]>,
  hazardNode = -1,
): Machine<number> {
  const base = graphMachine(edges);
  return {
    ...base,
    step(s, t) {
      const r = base.step(s, t);
      return r.ok && r.state === hazardNode ? { ...r, findings: [boom] } : r;
    },
    ampleSets: (s) => ample[s] ?? [],
  };
}
