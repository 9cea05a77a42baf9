import { describe, expect, it } from 'vitest';
import { enabledThreads, init, step } from '../../index';
import type { Scenario, State } from '../../types';
import { cellScenario } from '../matrix/matrix';
import { exploreScenario } from './ringside';

/** The hashed fields as JSON, written independently of the explorer's Int32 encoding. */
function futureKey(s: State): string {
  const { ptes, frames, vmalloc, tlbs, vhost, threads, swap, published } = s;
  return JSON.stringify({ ptes, frames, vmalloc, tlbs, vhost, threads, swap, published });
}

/** Plain recursive DFS over every schedule, pruned only at states already seen. */
function bruteForceStates(scenario: Scenario): number {
  const seen = new Set<string>();
  const visit = (s: State) => {
    const key = futureKey(s);
    if (seen.has(key)) return;
    seen.add(key);
    for (const t of enabledThreads(s)) {
      const r = step(s, t);
      if (!r.ok) throw new Error(r.error);
      visit(r.state);
    }
  };
  visit(init(scenario));
  return seen.size;
}

const small: Scenario[] = [
  cellScenario('copy-user', 'munmap', null),
  cellScenario('vmap-notifier', 'reclaim', null),
  { ...cellScenario('kmap-seq', 'migrate', 'skip-seq-check'), rounds: 1 },
];

describe('distinct-state counts against a brute-force enumeration', () => {
  for (const scenario of small) {
    it(scenario.id, () => {
      const expected = bruteForceStates(scenario);
      const hashed = exploreScenario(scenario, { por: false });
      const exact = exploreScenario(scenario, { exact: true, por: false });
      expect(hashed.complete).toBe(true);
      expect(hashed.states).toBe(expected);
      expect(exact.states).toBe(expected);
      expect(expected).toBeGreaterThan(10);
    });
  }
});
