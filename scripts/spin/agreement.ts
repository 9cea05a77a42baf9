import { validateScenario } from '../../src/core';
import { MM_KINDS } from '../../src/core/catalog';
import { cellScenario, cellVariants, matrixRows } from '../../src/core/explore/matrix/matrix';
import { exploreScenario } from '../../src/core/explore/ringside/ringside';
import { exportPromela, untranslatedOps } from '../../src/core/spin/promela-export';
import type { HazardKind, Scenario } from '../../src/core/types';
import { runPan } from './run-spin';

/** One scenario on both checkers: the hazard kinds each reaches, the weak-fairness liveness, the state counts. */
export interface Agreement {
  id: string;
  /** Ops without a Promela translation: the scenario was not exported (and so not compared). */
  untranslated: string[];
  ringside?: { hazards: HazardKind[]; live: boolean; states: number; statesNoPor: number; complete: boolean };
  spin?: {
    hazards: HazardKind[];
    hazardsNoReduce: HazardKind[];
    nonProgress: boolean;
    states: number;
    statesNoReduce: number;
    capacityExceeded: boolean;
    truncated: boolean;
    cpuS: number;
  };
  /** Empty when both agree; otherwise one sentence per difference. */
  differences: string[];
}

const META = { ringsideVersion: 'agreement-test', modelVersion: 'agreement-test', link: '(none)' };
const same = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');

export function compareScenario(scenario: Scenario): Agreement {
  const untranslated = untranslatedOps(scenario);
  const id = scenario.id;
  if (untranslated.length > 0) return { id, untranslated, differences: [] };
  const model = exportPromela(scenario, META);
  if (!model.ok) return { id, untranslated: [model.error], differences: [] };
  const rs = exploreScenario(scenario, { liveness: true });
  const rsNoPor = exploreScenario(scenario, { por: false });
  const hazards = [...new Set(rs.findings.filter((f) => f.severity === 'hazard').map((f) => f.kind as HazardKind))];
  const ringside = {
    hazards: hazards.sort(),
    live: rs.liveness?.weakFairness.verdict === 'live',
    states: rs.states,
    statesNoPor: rsNoPor.states,
    complete: rs.complete && rsNoPor.complete,
  };
  const safety = runPan(model.text, 'safety');
  const noReduce = runPan(model.text, 'safety-noreduce');
  const liveness = runPan(model.text, 'liveness');
  const spin = {
    hazards: [...safety.hazards].sort(),
    hazardsNoReduce: [...noReduce.hazards].sort(),
    nonProgress: liveness.nonProgress,
    states: safety.states,
    statesNoReduce: noReduce.states,
    capacityExceeded: safety.capacityExceeded || noReduce.capacityExceeded || liveness.capacityExceeded,
    truncated: safety.truncated || noReduce.truncated || liveness.truncated,
    cpuS: safety.cpuS + noReduce.cpuS + liveness.cpuS,
  };
  const differences: string[] = [];
  if (!ringside.complete) differences.push('Ringside did not finish within its state bound');
  if (spin.truncated) differences.push('Spin hit its depth or memory bound');
  if (spin.capacityExceeded) differences.push('a Promela list outgrew its capacity');
  if (!same(spin.hazards, ringside.hazards))
    differences.push(
      `hazards: Spin ${spin.hazards.join('+') || 'none'}, Ringside ${ringside.hazards.join('+') || 'none'}`,
    );
  if (!same(spin.hazardsNoReduce, ringside.hazards))
    differences.push(
      `hazards without reduction: Spin ${spin.hazardsNoReduce.join('+') || 'none'}, Ringside ${ringside.hazards.join('+') || 'none'}`,
    );
  if (spin.nonProgress === ringside.live)
    differences.push(
      `weak-fairness liveness: Spin ${spin.nonProgress ? 'non-progress cycle' : 'live'}, Ringside ${ringside.live ? 'live' : 'not live'}`,
    );
  return { id, untranslated, ringside, spin, differences };
}

/** Every valid matrix cell variant (design × mm event × bug switch, and each cell's variants), in matrix order. */
export function matrixScenarios(): Scenario[] {
  return matrixRows().flatMap(({ design, bug }) =>
    MM_KINDS.flatMap((event) => {
      const valid = validateScenario(cellScenario(design, event, bug));
      if (!valid.ok) return [];
      return cellVariants(valid.scenario, event).map((v, i) => (i === 0 ? v : { ...v, id: `${v.id}-v${i}` }));
    }),
  );
}
