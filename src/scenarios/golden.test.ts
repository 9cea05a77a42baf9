import { describe, expect, it } from 'vitest';
import { guestUsedIdx, replay } from '../core';
import { builtinScenarios, defaultScenarioId, scenarioById } from '.';
import golden from './golden.json';

/** Golden traces: each built-in story, replayed, gives these findings (kind, step) and these run counters. */
const GOLDEN: Record<string, Golden> = golden;

interface Golden {
  findings: (string | number)[][];
  published: number;
  guestUsedIdx: number;
  counters: Record<string, number>;
}

describe('built-in scenarios', () => {
  it('has a golden trace for every built-in scenario, and the default exists', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(builtinScenarios.map((s) => s.id).sort());
    expect(scenarioById(defaultScenarioId)).toBeDefined();
  });

  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    '%s replays its story to the golden trace',
    (id, scenario) => {
      const golden = GOLDEN[id];
      const run = replay(scenario, scenario.story);
      expect(run.error).toBeUndefined();
      const last = run.states[run.states.length - 1];
      if (!golden || !last) throw new Error('missing golden or state');
      expect(last.findings.map((f) => [f.kind, f.step])).toEqual(golden.findings);
      expect(last.published).toBe(golden.published);
      expect(guestUsedIdx(last)).toBe(golden.guestUsedIdx);
      expect(last.counters).toMatchObject(golden.counters);
    },
  );

  // A story is one schedule: it shows only documented findings, including the headline one. That the documented set is
  // exactly what some schedule can reach is the explorer's test (src/core/explore/builtins.test.ts).
  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    '%s: its story shows only findings it documents',
    (_id, scenario) => {
      const run = replay(scenario, scenario.story);
      const kinds = new Set<string>(run.events.flatMap((e) => e.findings.map((f) => f.kind)));
      const documented: string[] = [...scenario.expect.hazards, ...scenario.expect.warnings];
      for (const kind of kinds) expect(documented).toContain(kind);
      const headline = scenario.expect.hazards[0] ?? scenario.expect.warnings[0];
      if (headline) expect(kinds).toContain(headline);
      else expect(kinds.size).toBe(0);
    },
  );

  it('every finding carries the step that caused it and a rule', () => {
    for (const scenario of builtinScenarios) {
      const run = replay(scenario, scenario.story);
      run.events.forEach((event, i) => {
        for (const f of event.findings) {
          expect(f.step).toBe(i);
          expect(f.message.length).toBeGreaterThan(20);
          expect(f.rule.length).toBeGreaterThan(20);
        }
      });
    }
  });
});
