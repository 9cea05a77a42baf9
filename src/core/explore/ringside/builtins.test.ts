import { describe, expect, it } from 'vitest';
import { builtinScenarios, completeBuiltins, isLargeScenario } from '../../../scenarios';
import { isHazard, replay } from '../../index';
import { exploreScenario } from './ringside';

const sorted = (kinds: readonly string[]) => [...new Set(kinds)].sort();

/**
 * Findings the explorer reaches beyond what a scenario's `expect` lists, each checked by hand and reported to the
 * core's owner; an entry must be removed once the scenario lists it (the last test below enforces that).
 */
const KNOWN_EXTRA: Readonly<Record<string, readonly string[]>> = {};

describe.each(completeBuiltins.map((s) => [s.id, s] as const))('built-in scenario %s', (_id, scenario) => {
  const result = exploreScenario(scenario);

  it('explores to completion without a refused step', () => {
    expect(result.complete).toBe(true);
    expect(result.errors).toEqual([]);
  });

  it('finds exactly the hazards and warnings the scenario documents', () => {
    const kinds = (severity: string) => result.findings.filter((f) => f.severity === severity).map((f) => f.kind);
    const extra = KNOWN_EXTRA[scenario.id] ?? [];
    expect(sorted(kinds('hazard'))).toEqual(sorted([...scenario.expect.hazards, ...extra.filter(isHazard)]));
    expect(sorted(kinds('warning'))).toEqual(
      sorted([...scenario.expect.warnings, ...extra.filter((k) => !isHazard(k))]),
    );
  });

  it('gives counterexamples that replay to their finding at the reported step, no longer than the story', () => {
    // The shortest schedule is the full search's; the reduced one may be a few steps longer (docs/partial-order.md).
    const full = exploreScenario(scenario, { por: false });
    for (const found of [...result.findings, ...full.findings]) {
      const run = replay(scenario, found.schedule);
      expect(run.error).toBeUndefined();
      expect(found.step).toBeLessThan(found.schedule.length);
      const atStep = run.events[found.step]?.findings.map((f) => f.kind) ?? [];
      const stuck = found.kind === 'deadlock' && found.step === found.schedule.length - 1;
      if (!stuck) expect(atStep).toContain(found.kind);
    }
    for (const found of full.findings) {
      const inStory = replay(scenario, scenario.story).events.findIndex((e) =>
        e.findings.some((f) => f.kind === found.kind),
      );
      if (inStory >= 0) expect(found.step).toBeLessThanOrEqual(inStory);
    }
  });
});

/** Far below the browser's bound: enough to show the search stops there, fast enough for a unit test. */
const SMALL_BOUND = 3_000;

describe.each(builtinScenarios.filter(isLargeScenario).map((s) => [s.id, s] as const))(
  'large built-in scenario %s',
  (_id, scenario) => {
    const result = exploreScenario(scenario, { maxStates: SMALL_BOUND, liveness: true });

    it('stops at the state bound with an incomplete verdict, never calling the scenario safe', () => {
      expect(result.complete).toBe(false);
      expect(result.states).toBeGreaterThanOrEqual(SMALL_BOUND);
      expect(result.message).toContain('bound');
      expect(result.errors).toEqual([]);
      expect(result.liveness?.weakFairness.verdict).toBe('unknown');
    });

    it('finds, before the bound, only what the scenario documents', () => {
      const documented: string[] = [...scenario.expect.hazards, ...scenario.expect.warnings];
      for (const found of result.findings) expect(documented).toContain(found.kind);
    });
  },
);

describe('known extra findings', () => {
  it('name built-in scenarios that do not already list them', () => {
    for (const [id, kinds] of Object.entries(KNOWN_EXTRA)) {
      const scenario = builtinScenarios.find((s) => s.id === id);
      const listed: readonly string[] = [...(scenario?.expect.hazards ?? []), ...(scenario?.expect.warnings ?? [])];
      expect(scenario).toBeDefined();
      for (const kind of kinds) expect(listed).not.toContain(kind);
    }
  });
});
