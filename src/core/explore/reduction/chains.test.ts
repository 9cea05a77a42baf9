import { describe, expect, it } from 'vitest';
import { explore } from '../engine/engine';
import { type GraphEdge, LOOKUPS, reducedGraph, walk } from '../engine/graph-machine.test-util';
import type { Machine, StepFinding } from '../engine/machine';
import { MAX_LINKS } from './chains';

/** The hazard's counterexample, checked to be a path of the graph that ends in the hazard node. */
function hazardPath(edges: Record<number, GraphEdge[]>, r: ReturnType<typeof explore>, hazardNode: number) {
  expect(r.complete).toBe(true);
  expect(r.findings.map((f) => f.kind)).toEqual(['boom']);
  const found = r.findings[0];
  const nodes = walk(edges, found?.schedule ?? []);
  expect(nodes?.at(-1)).toBe(hazardNode);
  expect(found?.step).toBe((found?.schedule.length ?? 0) - 1);
  return found?.schedule ?? [];
}

describe.each(LOOKUPS)('chains of single steps (docs/partial-order.md, "Chains") (%s)', (_, lookup) => {
  const graph = (...args: Parameters<typeof reducedGraph>) => lookup(reducedGraph(...args));

  it('stores no state whose expansion is one step, and rebuilds the schedule through the unstored states', () => {
    // Node 0 reduces to thread 0; nodes 1 and 2 have one enabled thread; node 3 has two and no candidate, so the
    // chain from node 0 ends there; thread 1's step from node 3 reports the hazard.
    const edges: Record<number, GraphEdge[]> = {
      0: [
        { t: 0, to: 1 },
        { t: 1, to: 4 },
      ],
      1: [{ t: 0, to: 2 }],
      2: [{ t: 0, to: 3 }],
      3: [
        { t: 0, to: 5 },
        { t: 1, to: 9 },
      ],
    };
    const r = explore(graph(edges, { 0: [[0]] }, 9));
    expect(r.states).toBe(4);
    expect(r.transitions).toBe(5);
    expect(hazardPath(edges, r, 9)).toEqual([0, 0, 0, 1]);
    expect(explore(graph(edges, { 0: [[0]] }, 9), { chains: false }).states).toBe(6);
  });

  it('reports a finding a chain step makes with the whole schedule to it', () => {
    // Nodes 1 and 2 have one enabled thread each, so the chain goes on through the step into 3 that reports.
    const edges: Record<number, GraphEdge[]> = {
      0: [
        { t: 0, to: 1 },
        { t: 1, to: 4 },
      ],
      1: [{ t: 0, to: 2 }],
      2: [{ t: 0, to: 3 }],
    };
    const r = explore(graph(edges, { 0: [[0]] }, 3));
    expect(r.states).toBe(2);
    expect(hazardPath(edges, r, 3)).toEqual([0, 0, 0]);
  });

  it('stores a state with two enabled threads and no one-thread candidate, and expands it in full', () => {
    // Chaining node 1 on its first enabled thread would never take thread 1 to the hazard.
    const edges: Record<number, GraphEdge[]> = {
      0: [{ t: 0, to: 1 }],
      1: [
        { t: 0, to: 2 },
        { t: 1, to: 9 },
      ],
    };
    const r = explore(graph(edges, {}, 9));
    expect(r.states).toBe(4);
    expect(hazardPath(edges, r, 9)).toEqual([0, 1]);
  });

  it('keeps a step that reports a finding out of a chain when its state has another enabled thread (C2)', () => {
    // Node 1 reduces to thread 0, whose step reports; node 1 is stored and expanded, so thread 1 runs there too.
    const edges: Record<number, GraphEdge[]> = {
      0: [{ t: 1, to: 1 }],
      1: [
        { t: 0, to: 9 },
        { t: 1, to: 2 },
      ],
    };
    const r = explore(graph(edges, { 1: [[0]] }, 9));
    expect(r.states).toBe(4);
    expect(hazardPath(edges, r, 9)).toEqual([1, 0]);
  });

  it('expands in full a state whose chain ends in a state no deeper than it (the proviso), so no thread is ignored', () => {
    // Thread 0 flips between nodes 0 and 1 (always a candidate); thread 1's step from node 0 reports the hazard.
    // The chain from node 0 passes node 1 and returns to node 0: accepting that end would never run thread 1.
    const edges: Record<number, GraphEdge[]> = {
      0: [
        { t: 0, to: 1 },
        { t: 1, to: 9 },
      ],
      1: [
        { t: 0, to: 0 },
        { t: 1, to: 8 },
      ],
    };
    const r = explore(graph(edges, { 0: [[0]], 1: [[0]] }, 9));
    expect(hazardPath(edges, r, 9)).toEqual([1]);
  });

  it('refuses a chain that ends in a state stored a few levels earlier (the proviso across the level ring)', () => {
    // Thread 0 counts around a cycle of 2·MAX_LINKS − 1 states, always a candidate; thread 1's step reports.
    // Chains store count MAX_LINKS at level MAX_LINKS + 1, then count 2 at level 2·MAX_LINKS + 2, whose chain
    // comes back to count MAX_LINKS: a state of an earlier level, which must not count as deeper.
    const n = 2 * MAX_LINKS - 1;
    const hazard: StepFinding = { kind: 'boom', severity: 'hazard', message: 'thread 1 ran' };
    const counting: Machine<number[]> = {
      init: () => [-1, 0],
      enabled: (s) => (s[1] === 0 ? [0, 1] : [0]),
      step: (s, t) =>
        t === 0
          ? { ok: true, state: [((s[0] ?? 0) + 1) % n, s[1] ?? 0], findings: [] }
          : { ok: true, state: [s[0] ?? 0, 1], findings: [hazard] },
      encode(s, w) {
        for (const v of s) w.push(v);
      },
      ampleSets: (s) => (s[1] === 0 ? [[0]] : []),
    };
    const r = explore(lookup(counting));
    expect(r.findings.map((f) => f.kind)).toEqual(['boom']);
    expect(r.findings[0]?.schedule.filter((t) => t === 0)).toHaveLength(2 * MAX_LINKS + 2);
  });

  it('ends a chain after a bounded number of steps on a cycle of states it never stores', () => {
    // Nodes 1 and 2 reach each other on thread 0 and are never stored by the chain from node 0 (the bound ends it);
    // the hazard is thread 2's step from node 1.
    const edges: Record<number, GraphEdge[]> = {
      0: [{ t: 1, to: 1 }],
      1: [
        { t: 0, to: 2 },
        { t: 2, to: 9 },
      ],
      2: [{ t: 0, to: 1 }],
    };
    const r = explore(graph(edges, { 1: [[0]] }, 9));
    const schedule = hazardPath(edges, r, 9);
    expect(schedule.length).toBeGreaterThan(MAX_LINKS);
    expect(r.depth).toBeGreaterThan(MAX_LINKS);
  });
});
