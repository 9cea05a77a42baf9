import { expect } from 'vitest';
import { MM_KINDS, step, validateScenario } from '../../index';
import type { Scenario, State } from '../../types';
import { init } from '../../world';
import { IntWriter } from '../engine/int-writer';
import type { ExploreResult, Machine } from '../engine/machine';
import { cellScenario, cellVariants, matrixRows } from '../matrix/matrix';

const hazardKinds = (result: ExploreResult) =>
  [...new Set(result.findings.filter((f) => f.severity === 'hazard').map((f) => f.kind))].sort();

/** A complete search that reached exactly the reference's states, transitions, hazard kinds and counterexample lengths. */
export function expectSameAsReference(actual: ExploreResult, reference: ExploreResult): void {
  expect(actual.complete).toBe(true);
  expect([actual.states, actual.transitions]).toEqual([reference.states, reference.transitions]);
  expect(hazardKinds(actual)).toEqual(hazardKinds(reference));
  expect(actual.findings.map((f) => [f.kind, f.schedule.length]).sort()).toEqual(
    reference.findings.map((f) => [f.kind, f.schedule.length]).sort(),
  );
}

/** Every valid variant of every matrix cell, in matrix order. */
export function* matrixVariants(): Generator<Scenario> {
  for (const { design, bug } of matrixRows()) {
    for (const event of MM_KINDS) {
      const valid = validateScenario(cellScenario(design, event, bug));
      if (valid.ok) yield* cellVariants(valid.scenario, event);
    }
  }
}

/** What a caller checks at each step: the machine's state as stepped, and after its encode/decode round trip. */
export interface StepChecks<S> {
  stepped?: (state: S) => void;
  roundTripped?: (current: S, reference: State, encoded: readonly number[]) => void;
}

/**
 * Follows `choices` (indices into the enabled threads) through both the stepper API and `machine`, through the
 * machine's own encode and decode as the search does: the same finding kinds at each step, plus `checks`.
 */
export function followChoices<S>(
  machine: Machine<S>,
  scenario: Scenario,
  choices: readonly number[],
  checks: StepChecks<S>,
): void {
  const w = new IntWriter();
  let reference = init(scenario);
  let current = machine.init();
  for (let depth = 0; depth < choices.length; depth++) {
    const enabled = machine.enabled(current);
    if (enabled.length === 0) break;
    const t = enabled[(choices[depth] ?? 0) % enabled.length] as number;
    const expected = step(reference, t);
    const actual = machine.step(current, t);
    if (!expected.ok || !actual.ok) throw new Error('an enabled thread refused to step');
    const kinds = actual.findings.map((f) => f.kind);
    checks.stepped?.(actual.state);
    w.reset();
    machine.encode(actual.state, w);
    const encoded = [...w.buf.subarray(0, w.len)];
    current = machine.decode?.(w.buf, 0, w.len, depth + 1) ?? actual.state;
    if (machine.enabled(current).length === 0) kinds.push(...(machine.stuck?.(current) ?? []).map((f) => f.kind));
    reference = expected.state;
    expect(kinds).toEqual(expected.event.findings.map((f) => f.kind));
    checks.roundTripped?.(current, reference, encoded);
  }
}
