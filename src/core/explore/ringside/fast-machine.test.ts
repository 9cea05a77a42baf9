import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios, completeBuiltins } from '../../../scenarios';
import { step } from '../../index';
import { encodeState } from '../../schema/state-codec';
import type { Scenario, State } from '../../types';
import { init } from '../../world';
import { explore } from '../engine/engine';
import { IntWriter } from '../engine/int-writer';
import type { Machine } from '../engine/machine';
import { fastRingsideMachine } from './fast-machine';
import { packedRingsideMachine } from './packed-machine';
import { referenceMachine } from './ringside';
import { expectSameAsReference, matrixVariants } from './same-search.test-util';

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

/** Follows `choices` (indices into the enabled threads) through both the stepper API and the fast machine. */
function compareRun(scenario: Scenario, choices: readonly number[]): void {
  const fast = fastRingsideMachine(scenario);
  const w = new IntWriter();
  let reference = init(scenario);
  let current = fast.init();
  for (let depth = 0; depth < choices.length; depth++) {
    const enabled = fast.enabled(current);
    if (enabled.length === 0) break;
    const t = enabled[(choices[depth] ?? 0) % enabled.length] as number;
    const expected = step(reference, t);
    const actual = fast.step(current, t);
    if (!expected.ok || !actual.ok) throw new Error('an enabled thread refused to step');
    const kinds = actual.findings.map((f) => f.kind);
    expect(sharedPart(actual.state)).toBeNull();
    w.reset();
    fast.encode(actual.state, w);
    current = fast.decode?.(w.buf, 0, w.len, depth + 1) ?? actual.state;
    if (fast.enabled(current).length === 0) kinds.push(...(fast.stuck?.(current) ?? []).map((f) => f.kind));
    reference = expected.state;
    expect(kinds).toEqual(expected.event.findings.map((f) => f.kind));
    expect([...w.buf.subarray(0, w.len)]).toEqual(wordsOf(reference));
  }
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
