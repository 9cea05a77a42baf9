import { validateScenario } from '../../src/core';
import { MM_KINDS } from '../../src/core/catalog';
import { cellScenario, cellVariants, matrixRows } from '../../src/core/explore/matrix/matrix';
import { exploreScenario } from '../../src/core/explore/ringside/ringside';
import { exportPromela, untranslatedOps } from '../../src/core/spin/promela-export';
import type { HazardKind, Scenario } from '../../src/core/types';
import { runPanAsync } from './run-spin';
import { stuckStates } from './stuck-states';

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

/** Ringside's two searches, then Spin's three builds and runs side by side (they share the machine's cores). */
export async function compareScenario(scenario: Scenario): Promise<Agreement> {
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
  const [safety, noReduce, liveness] = await Promise.all([
    runPanAsync(model.text, 'safety'),
    runPanAsync(model.text, 'safety-noreduce'),
    runPanAsync(model.text, 'liveness'),
  ]);
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
  // Spin stores Ringside's states without reduction, plus init's two (before and after its d_step), plus the
  // watchdog's two steps out of each state where no thread can move (its `timeout` guard, then its assertion): more
  // or fewer means the two models part somewhere.
  const stuck = ringside.hazards.includes('deadlock') ? stuckStates(scenario) : 0;
  const expected = ringside.statesNoPor + 2 + 2 * stuck;
  if (spin.statesNoReduce !== expected)
    differences.push(
      `states without reduction: Spin ${spin.statesNoReduce}, Ringside ${ringside.statesNoPor} + 2 (init) + 2 × ${stuck} (watchdog) = ${expected}`,
    );
  if (spin.nonProgress === ringside.live)
    differences.push(
      `weak-fairness liveness: Spin ${spin.nonProgress ? 'non-progress cycle' : 'live'}, Ringside ${ringside.live ? 'live' : 'not live'}`,
    );
  return { id, untranslated, ringside, spin, differences };
}

/** Hazard kinds a bounded Ringside search and a coarse Spin bitstate search reach: both partial, for large models. */
export async function boundedHazards(
  scenario: Scenario,
  maxStates: number,
  hashBits: number,
): Promise<{ ringside: HazardKind[]; spin: HazardKind[]; ringsideComplete: boolean; spinStates: number }> {
  const model = exportPromela(scenario, META);
  if (!model.ok) throw new Error(`cannot export ${scenario.id}: ${model.error}`);
  const rs = exploreScenario(scenario, { maxStates });
  const spin = await runPanAsync(model.text, 'safety', { cflags: ['-DBITSTATE'], hashBits, depth: 1_000_000 });
  const ringside = [...new Set(rs.findings.filter((f) => f.severity === 'hazard').map((f) => f.kind as HazardKind))];
  return {
    ringside: ringside.sort(),
    spin: [...spin.hazards].sort(),
    ringsideComplete: rs.complete,
    spinStates: spin.states,
  };
}

/**
 * The agreement test's fixed sample: every third cell of the whole matrix (starting at the second), translated or
 * not, so the sample does not shift as more ops get a Promela translation; the untranslated ones are left out later.
 */
export function sampledCells(cells: readonly Scenario[]): Scenario[] {
  return cells.filter((_, i) => i % 3 === 1);
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
