import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stress } from '../../../../scripts/bench/scenarios';
import { builtinScenarios, completeBuiltins } from '../../../scenarios';
import { newStateWords, packState } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { explore } from '../engine/engine';
import { checkScenarioLiveness } from '../liveness/ringside-liveness';
import { packedRingsideMachine } from './packed-machine';
import { referenceMachine, ringsideMachine } from './ringside';
import { expectSameAsReference, followChoices, matrixVariants } from './same-search.test-util';

/** Follows `choices` through the stepper API and the packed machine: the same words and finding kinds at each step. */
function compareRun(scenario: Scenario, choices: readonly number[]): void {
  const expectedWords = newStateWords();
  followChoices(packedRingsideMachine(scenario), scenario, choices, {
    roundTripped: (current, reference) => {
      packState(reference, expectedWords);
      expect([...current]).toEqual([...expectedWords]);
    },
  });
}

describe('the packed machine steps as the stepper API does', () => {
  for (const scenario of builtinScenarios) {
    it(`${scenario.id}: random schedules give the same words and finding kinds`, () => {
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 120 }), (choices) => compareRun(scenario, choices)),
        { numRuns: 25 },
      );
    });
  }
});

function expectSameSearch(scenario: Scenario): void {
  const packed = explore(packedRingsideMachine(scenario), { exact: true, por: false });
  expectSameAsReference(packed, explore(referenceMachine(scenario), { exact: true, por: false }));
}

describe('the packed machine and the reference reach the same states and hazards (exact keys, no reduction)', () => {
  it('on every built-in scenario', () => {
    for (const scenario of completeBuiltins) expectSameSearch(scenario);
  }, 240_000);

  it('on every matrix cell', () => {
    for (const variant of matrixVariants()) expectSameSearch(variant);
  }, 240_000);

  // With the reduction on, every built-in and every matrix cell: fast-machine.test.ts checks the packed machine
  // and the fast one against one run of the reduced reference.

  it('takes the word path for the ops written on words, and counts each transition once', () => {
    const machine = packedRingsideMachine(stress);
    const r = explore(machine, { maxStates: 20_000, por: false });
    expect(machine.stats.words + machine.stats.fallback).toBe(r.transitions);
    expect(machine.stats.words).toBeGreaterThan(0);
  });
});

describe('the liveness pass on the packed machine', () => {
  it('gives the object machine’s verdicts and lassos on every built-in scenario', () => {
    const lasso = (l: { prefix: number[]; loop: number[] } | undefined) => (l ? `${l.prefix}|${l.loop}` : '');
    const verdicts = (r: ReturnType<typeof checkScenarioLiveness>) => [
      `${r.states} ${r.complete} ${r.noFairness.verdict} ${r.weakFairness.verdict}`,
      lasso(r.noFairness.lasso),
      lasso(r.weakFairness.lasso),
    ];
    for (const scenario of builtinScenarios) {
      const packed = checkScenarioLiveness(scenario, packedRingsideMachine(scenario), { maxStates: 20_000 });
      const objects = checkScenarioLiveness(scenario, ringsideMachine(scenario), { maxStates: 20_000 });
      expect(verdicts(packed)).toEqual(verdicts(objects));
    }
  }, 240_000);
});
