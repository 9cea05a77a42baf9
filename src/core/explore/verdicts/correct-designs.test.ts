import { describe, expect, it } from 'vitest';
import { HAZARD_KINDS } from '../../catalog';
import { MM_KINDS, validateScenario } from '../../index';
import type { DesignId, HazardKind } from '../../types';
import { cellScenario } from '../matrix/matrix';
import { exploreScenario } from '../ringside/ringside';

const SAFETY: readonly HazardKind[] = HAZARD_KINDS;
const CORRECT: readonly DesignId[] = ['copy-user', 'kmap-seq', 'interval-notifier', 'interval-mutex'];
const TARGETS = ['all', 'used'] as const;

describe('correct designs without bug switches', () => {
  for (const design of CORRECT) {
    for (const event of MM_KINDS) {
      for (const target of TARGETS) {
        it(`${design} against ${event} (${target}) has no safety hazard in any interleaving`, () => {
          const scenario = { ...cellScenario(design, event, null), mm: [{ kind: event, target }] };
          const r = exploreScenario(scenario);
          expect(r.complete).toBe(true);
          expect(r.errors).toEqual([]);
          expect(r.findings.filter((f) => SAFETY.includes(f.kind as HazardKind))).toEqual([]);
        });
      }
    }
  }
});

describe('correct designs against two concurrent mm events', () => {
  const pairs = MM_KINDS.flatMap((a, i) => MM_KINDS.slice(i).map((b) => [a, b] as const));
  for (const design of CORRECT) {
    it(`${design}: no safety hazard for any pair of mm events in one round`, () => {
      let explored = 0;
      for (const [a, b] of pairs) {
        const backing = a === 'thp-split' || b === 'thp-split' ? 'thp' : '4k';
        const mm = [
          { kind: a, target: 'all' },
          { kind: b, target: 'all' },
        ];
        const valid = validateScenario({ ...cellScenario(design, a, null), rounds: 1, backing, mm });
        if (!valid.ok) continue;
        const r = exploreScenario(valid.scenario);
        expect(r.complete).toBe(true);
        expect(
          r.findings.filter((f) => SAFETY.includes(f.kind as HazardKind)).map((f) => `${a}+${b}: ${f.kind}`),
        ).toEqual([]);
        explored++;
      }
      expect(explored).toBeGreaterThan(15);
    }, 60_000);
  }
});
