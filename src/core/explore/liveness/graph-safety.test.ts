import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../index';
import type { Scenario } from '../../types';
import { exploreSteps } from '../engine/engine';
import type { ExploreOptions, ExploreResult } from '../engine/machine';
import { cellScenario, cellVariants, matrixSpecs } from '../matrix/matrix';
import { searchMachine } from '../ringside/ringside';
import { safetyWithLivenessSteps } from './graph-safety';
import { packedLivenessSteps } from './ringside-liveness';

function finish<R>(steps: Generator<unknown, R, void>): R {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** What the worker did before: the unreduced safety search, then the liveness pass on its own walk. */
function twoPasses(scenario: Scenario, options: ExploreOptions) {
  const safety = finish(exploreSteps(searchMachine(scenario), { ...options, por: false }));
  return { ...safety, liveness: finish(packedLivenessSteps(scenario, searchMachine(scenario), options)) };
}

const onePass = (scenario: Scenario, options: ExploreOptions) =>
  finish(safetyWithLivenessSteps(scenario, searchMachine(scenario), options));

/** Everything but the timings and the byte counts, which differ between the two walks by design. */
function comparable(result: ExploreResult) {
  const { ms: _ms, storeBytes: _bytes, liveness, ...rest } = result;
  const { ms: _lms, bytes: _lbytes, ...verdicts } = liveness ?? ({} as NonNullable<typeof liveness>);
  return { ...rest, liveness: verdicts };
}

const variants = matrixSpecs().flatMap(({ design, event, bug }) => {
  const valid = validateScenario(cellScenario(design, event, bug));
  return valid.ok ? cellVariants(valid.scenario, event) : [];
});

describe('safety and liveness in one walk of the full graph', () => {
  it('gives every matrix cell variant the unreduced search’s result and the liveness pass’s verdicts', {
    timeout: 300_000,
  }, () => {
    expect(variants.length).toBeGreaterThan(250);
    const withFindings = variants.filter((scenario) => {
      const options = { maxStates: 100_000 };
      const expected = comparable(twoPasses(scenario, options));
      expect(comparable(onePass(scenario, options)), scenario.id).toEqual(expected);
      return expected.findings.length > 0;
    });
    // The comparison covers counterexamples, not only clean cells.
    expect(withFindings.length).toBeGreaterThan(50);
  });

  it('stops at the state bound as the unreduced search does, with the same message', () => {
    const scenario = variants.find((v) => v.id === 'cell-kmap-seq-munmap-skip-seq-check') as Scenario;
    const options = { maxStates: 40 };
    const result = onePass(scenario, options);
    expect(result).toMatchObject({ status: 'bound', complete: false, states: 40 });
    const expected = twoPasses(scenario, options);
    expect(result.message).toBe(expected.message);
    expect(result.findings).toEqual(expected.findings);
  });
});
