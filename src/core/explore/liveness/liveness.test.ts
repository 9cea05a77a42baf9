import { describe, expect, it } from 'vitest';
import { type GraphEdge, graphMachine, walk } from '../engine/graph-machine.test-util';
import { checkLiveness } from './liveness';

const check = (edges: Record<number, GraphEdge[]>, maxStates?: number) => {
  const m = graphMachine(edges);
  return checkLiveness(m, m, maxStates === undefined ? {} : { maxStates });
};

describe('liveness on hand-made graphs', () => {
  it('no cycle: live with and without fairness', () => {
    const r = check({
      0: [
        { t: 0, to: 1 },
        { t: 1, to: 2 },
      ],
      1: [{ t: 1, to: 3 }],
      2: [{ t: 0, to: 3 }],
    });
    expect(r.complete).toBe(true);
    expect([r.noFairness.verdict, r.weakFairness.verdict]).toEqual(['live', 'live']);
    expect([r.cycles, r.fairCycles, r.states]).toEqual([0, 0, 4]);
  });

  it('a cycle through a progress step is live', () => {
    const r = check({ 0: [{ t: 0, to: 1 }], 1: [{ t: 0, to: 0, progress: true }] });
    expect([r.noFairness.verdict, r.weakFairness.verdict]).toEqual(['live', 'live']);
  });

  it('an unfair cycle: thread 0 spins while thread 1 could always step and never does', () => {
    // 0 -t0-> 1 -t0-> 2 -t0-> 1 (the spin); t1 is enabled in 1 and 2 and leads out to 3, where the spin ends.
    const r = check({
      0: [{ t: 0, to: 1 }],
      1: [
        { t: 0, to: 2 },
        { t: 1, to: 3 },
      ],
      2: [
        { t: 0, to: 1 },
        { t: 1, to: 3 },
      ],
      3: [{ t: 0, to: 4, progress: true }],
    });
    expect(r.noFairness.verdict).toBe('violated');
    expect(r.noFairness.lasso).toEqual({ prefix: [0], loop: [0, 0], stepping: [0], neglected: [1] });
    expect(r.weakFairness.verdict).toBe('live');
    expect([r.cycles, r.fairCycles]).toEqual([1, 0]);
  });

  it('a fair cycle: the other thread is disabled somewhere on it, so it owes no step', () => {
    // The spin 1 -> 2 -> 1 by thread 0; thread 1 can step only in 1.
    const edges = {
      0: [{ t: 1, to: 1 }],
      1: [
        { t: 0, to: 2 },
        { t: 1, to: 3 },
      ],
      2: [{ t: 0, to: 1 }],
      3: [],
    };
    const r = check(edges);
    expect(r.weakFairness.verdict).toBe('violated');
    expect(r.weakFairness.lasso).toMatchObject({ prefix: [1], loop: [0, 0], neglected: [] });
    expect(r.errors).toEqual([]);
  });

  it('a fair cycle that needs every thread: the fair loop is longer than the shortest one', () => {
    // From 1, thread 0 spins 1 -> 1' -> 1 while thread 1 (always enabled) also cycles 1 -> 2 -> 1.
    const edges: Record<number, GraphEdge[]> = {
      0: [{ t: 0, to: 1 }],
      1: [
        { t: 0, to: 5 },
        { t: 1, to: 2 },
      ],
      5: [
        { t: 0, to: 1 },
        { t: 1, to: 2 },
      ],
      2: [
        { t: 0, to: 1 },
        { t: 1, to: 1 },
      ],
    };
    const r = check(edges);
    expect(r.noFairness.lasso?.loop).toHaveLength(2);
    const lasso = r.weakFairness.lasso;
    expect(lasso?.neglected).toEqual([]);
    expect(lasso?.stepping).toEqual([0, 1]);
    const nodes = walk(edges, [...(lasso?.prefix ?? []), ...(lasso?.loop ?? [])]);
    expect(nodes?.at(-1)).toBe(nodes?.[lasso?.prefix.length ?? -1]);
  });

  it('a self-loop without progress is a cycle', () => {
    const r = check({ 0: [{ t: 0, to: 0 }] });
    expect(r.weakFairness.lasso).toEqual({ prefix: [], loop: [0], stepping: [0], neglected: [] });
  });

  it('stops at the state bound: a cycle already seen is still reported, none seen is unknown', () => {
    const line: Record<number, GraphEdge[]> = {};
    for (let i = 0; i < 50; i++) line[i] = [{ t: 0, to: i + 1 }];
    line[50] = [{ t: 0, to: 50 }];
    const cut = check(line, 10);
    expect([cut.status, cut.noFairness.verdict, cut.weakFairness.verdict]).toEqual(['bound', 'unknown', 'unknown']);
    const early = check(
      {
        ...line,
        0: [{ t: 0, to: 1 }],
        1: [
          { t: 0, to: 0 },
          { t: 1, to: 2 },
        ],
      },
      10,
    );
    expect([early.complete, early.noFairness.verdict]).toEqual([false, 'violated']);
  });

  it('needs no recursion: one cycle through 50,000 states', () => {
    const ring: Record<number, GraphEdge[]> = {};
    const n = 50_000;
    for (let i = 0; i < n; i++) ring[i] = [{ t: 0, to: (i + 1) % n }];
    const r = check(ring);
    expect([r.states, r.cycles, r.weakFairness.lasso?.loop.length]).toEqual([n, 1, n]);
  });
});
