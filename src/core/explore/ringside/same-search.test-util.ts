import { expect } from 'vitest';
import { MM_KINDS, validateScenario } from '../../index';
import type { Scenario } from '../../types';
import type { ExploreResult } from '../engine/machine';
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
