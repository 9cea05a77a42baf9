import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios, completeBuiltins } from '../../../scenarios';
import { encodeState } from '../../schema/state-codec';
import type { Scenario, State } from '../../types';
import { explore } from '../engine/engine';
import { IntWriter } from '../engine/int-writer';
import type { Machine } from '../engine/machine';
import { fastRingsideMachine } from './fast-machine';
import { packedRingsideMachine } from './packed-machine';
import { referenceMachine } from './ringside';
import { expectSameAsReference, followChoices, matrixVariants } from './same-search.test-util';

const wordsOf = (s: State) => {
  const w = new IntWriter();
  encodeState(s, w);
  return [...w.buf.subarray(0, w.len)];
};

/** Every object and array of a state reachable once: the fast machine decodes into them in place. */
function sharedPart(s: State): string | null {
  const seen = new Set<object>();
  const walk = (value: unknown, path: string): string | null => {
    if (typeof value !== 'object' || value === null) return null;
    if (seen.has(value)) return path;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      const found = walk(v, `${path}.${k}`);
      if (found) return found;
    }
    return null;
  };
  const { scenario: _model, findings: _history, ...rest } = s;
  return walk(rest, 'state');
}

/** Follows `choices` through the stepper API and the fast machine: unshared states, the same encoded words. */
function compareRun(scenario: Scenario, choices: readonly number[]): void {
  followChoices(fastRingsideMachine(scenario), scenario, choices, {
    stepped: (state) => expect(sharedPart(state)).toBeNull(),
    roundTripped: (_current, reference, encoded) => expect(encoded).toEqual(wordsOf(reference)),
  });
}

describe('stepping in place equals stepping through the stepper API', () => {
  for (const scenario of builtinScenarios) {
    it(`${scenario.id}: random schedules give the same encoded states and finding kinds`, () => {
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 120 }), (choices) => compareRun(scenario, choices)),
        { numRuns: 25 },
      );
    });
  }
});

/**
 * The fast machine and the packed one (the search's, `packed-machine.ts`) against one run of the reference, all with
 * the reduction on: the reference is the slow run, so both are checked against the same one.
 */
function expectSameSearch(scenario: Scenario): void {
  const reference = explore(referenceMachine(scenario), { exact: true });
  for (const machine of [fastRingsideMachine(scenario), packedRingsideMachine(scenario)] as Machine<unknown>[]) {
    expectSameAsReference(explore(machine, { exact: true }), reference);
  }
}

describe('the fast and the packed machine reach the reference’s states and hazards (exact keys, reduction on)', () => {
  it('on every built-in scenario', () => {
    for (const scenario of completeBuiltins) expectSameSearch(scenario);
  }, 240_000);

  it('on every matrix cell', () => {
    for (const variant of matrixVariants()) expectSameSearch(variant);
  }, 240_000);
});
