import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GraphEdge, graphMachine, walk } from '../engine/graph-machine.test-util';
import { checkLiveness, type Lasso } from './liveness';

type Graph = Record<number, GraphEdge[]>;

const graphs = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .array(
      fc.array(fc.option(fc.record({ to: fc.nat(n - 1), progress: fc.boolean() }), { freq: 2 }), {
        minLength: 3,
        maxLength: 3,
      }),
      { minLength: n, maxLength: n },
    )
    .map((rows) => {
      const g: Graph = {};
      rows.forEach((row, v) => {
        g[v] = row.flatMap((e, t) => (e ? [{ t, ...e }] : []));
      });
      return g;
    }),
);

const out = (g: Graph, v: number) => g[v] ?? [];
const enabled = (g: Graph, v: number) => new Set(out(g, v).map((e) => e.t));

function reachable(g: Graph, from: number, inside: (v: number) => boolean, edge: (e: GraphEdge) => boolean) {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length > 0) {
    const v = todo.pop() as number;
    for (const e of out(g, v)) {
      if (!edge(e) || !inside(e.to) || seen.has(e.to)) continue;
      seen.add(e.to);
      todo.push(e.to);
    }
  }
  return seen;
}

/** A node set is a fair cycle when its non-progress edges connect it strongly and every thread enabled in all of it steps in it. */
function isFairSet(g: Graph, set: Set<number>, fair: boolean): boolean {
  const inside = (v: number) => set.has(v);
  const edges = [...set].flatMap((v) => out(g, v).filter((e) => !e.progress && inside(e.to)));
  if (edges.length === 0) return false;
  for (const v of set) {
    const back = reachable(g, v, inside, (e) => !e.progress);
    if (back.size !== set.size) return false;
  }
  if (!fair) return true;
  const stepping = new Set(edges.map((e) => e.t));
  const always = [0, 1, 2].filter((t) => [...set].every((v) => enabled(g, v).has(t)));
  return always.every((t) => stepping.has(t));
}

/** Brute force: try every subset of the reachable nodes. */
function hasCycle(g: Graph, fair: boolean): boolean {
  const nodes = [
    ...reachable(
      g,
      0,
      () => true,
      () => true,
    ),
  ];
  for (let mask = 1; mask < 1 << nodes.length; mask++) {
    const set = new Set(nodes.filter((_, i) => (mask >> i) & 1));
    if (isFairSet(g, set, fair)) return true;
  }
  return false;
}

function expectValidLasso(g: Graph, lasso: Lasso | undefined, fair: boolean) {
  if (!lasso) throw new Error('no lasso');
  const nodes = walk(g, [...lasso.prefix, ...lasso.loop]);
  if (!nodes) throw new Error('lasso does not replay');
  const loopNodes = nodes.slice(lasso.prefix.length);
  expect(lasso.loop.length).toBeGreaterThan(0);
  expect(loopNodes.at(-1)).toBe(loopNodes[0]);
  lasso.loop.forEach((t, i) => {
    expect(out(g, loopNodes[i] as number).find((e) => e.t === t)?.progress).toBe(false);
  });
  if (!fair) return;
  for (const t of [0, 1, 2]) {
    if (loopNodes.every((v) => enabled(g, v).has(t))) expect(lasso.loop).toContain(t);
  }
}

describe('liveness against brute force on random graphs', () => {
  it('finds a cycle exactly when one exists, with and without weak fairness, and its lassos replay', () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const m = graphMachine(g);
        const r = checkLiveness(m, m, { exact: true });
        expect(r.errors).toEqual([]);
        expect(r.noFairness.verdict).toBe(hasCycle(g, false) ? 'violated' : 'live');
        expect(r.weakFairness.verdict).toBe(hasCycle(g, true) ? 'violated' : 'live');
        if (r.noFairness.verdict === 'violated') expectValidLasso(g, r.noFairness.lasso, false);
        if (r.weakFairness.verdict === 'violated') expectValidLasso(g, r.weakFairness.lasso, true);
      }),
      { numRuns: 400 },
    );
  });
});
