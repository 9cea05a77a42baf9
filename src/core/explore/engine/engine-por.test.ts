import { describe, expect, it } from 'vitest';
import { explore } from './engine';
import { type GraphEdge, LOOKUPS, reducedGraph } from './graph-machine.test-util';

describe.each(LOOKUPS)('the engine with ample sets (docs/partial-order.md, C0 to C3) (%s)', (_, lookup) => {
  const graph = (...args: Parameters<typeof reducedGraph>) => lookup(reducedGraph(...args));

  it('accepts an ample step into a state an earlier state of the same level already put in the next level', () => {
    // Level 1 holds nodes 1 and 2; both reduce to thread 0, which leads each to node 3 (level 2).
    const edges: Record<number, GraphEdge[]> = {
      0: [
        { t: 1, to: 1 },
        { t: 2, to: 2 },
      ],
      1: [
        { t: 0, to: 3 },
        { t: 1, to: 4 },
      ],
      2: [
        { t: 0, to: 3 },
        { t: 2, to: 5 },
      ],
    };
    const r = explore(graph(edges, { 1: [[0]], 2: [[0]] }), { chains: false });
    // Node 2's ample step meets node 3 already queued: still a forward edge, so node 5 is never needed.
    expect(r.states).toBe(4);
    expect(explore(graph(edges, {}), { por: false }).states).toBe(6);
  });

  it('expands in full a state whose ample step closes a cycle inside its own level, so no hazard is ignored', () => {
    // Nodes 1 and 2 (level 1) lead to each other on thread 0; only thread 3 from node 1 reaches the hazard.
    const edges: Record<number, GraphEdge[]> = {
      0: [
        { t: 1, to: 1 },
        { t: 2, to: 2 },
      ],
      1: [
        { t: 0, to: 2 },
        { t: 3, to: 9 },
      ],
      2: [{ t: 0, to: 1 }],
    };
    const r = explore(graph(edges, { 1: [[0]] }, 9), { chains: false });
    expect(r.findings.map((f) => f.kind)).toEqual(['boom']);
    expect(r.findings[0]?.schedule).toEqual([1, 3]);
  });

  it('tries the next candidate set when one reports a finding, stepping no thread twice', () => {
    const edges: Record<number, GraphEdge[]> = {
      0: [
        { t: 0, to: 9 },
        { t: 1, to: 1 },
        { t: 2, to: 2 },
        { t: 3, to: 3 },
      ],
    };
    const r = explore(
      graph(
        edges,
        {
          0: [
            [0, 1],
            [1, 2],
          ],
        },
        9,
      ),
    );
    // {0, 1} is visible (thread 0 reports), {1, 2} qualifies: thread 3's step is left out.
    expect(r.transitions).toBe(3);
    expect(r.states).toBe(4);
    expect(r.findings.map((f) => f.kind)).toEqual(['boom']);
  });
});
