import { describe, expect, it } from 'vitest';
import { untranslatedOps } from '../../src/core/spin/promela-export';
import { builtinScenarios } from '../../src/scenarios';
import { type Agreement, compareScenario, matrixScenarios } from './agreement';
import { spinMissing } from './run-spin';

/**
 * Spin on the exported model against Ringside's explorer, on every built-in and every matrix cell the export can
 * translate today: the same hazard kinds with Spin's reduction on and off, the same weak-fairness liveness. It
 * needs spin and gcc; without them it fails with the install command (CI installs both in .ci/run).
 */
const missing = spinMissing();
const exportable = [...builtinScenarios, ...matrixScenarios()].filter((s) => untranslatedOps(s).length === 0);
const figures: Agreement[] = [];

describe('Spin and Ringside agree', () => {
  it('has spin and gcc', () => {
    expect(missing, missing ?? '').toBeNull();
  });

  it('exports at least the kmap-seq stories and their matrix cells', () => {
    const ids = exportable.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['gup-munmap-uaf', 'rmb-reorder', 'cell-kmap-seq-munmap']));
  });

  it.skipIf(missing !== null).each(exportable.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const a = compareScenario(scenario);
    figures.push(a);
    expect(a.untranslated).toEqual([]);
    expect(a.differences, `${a.id}: ${a.differences.join('; ')}`).toEqual([]);
    expect(a.spin?.hazards).toEqual(a.ringside?.hazards);
  });

  it.skipIf(missing !== null)('reports both state counts', () => {
    const lines = figures.map(
      (a) =>
        `${a.id}: ringside states=${a.ringside?.states} (no POR ${a.ringside?.statesNoPor}) spin states=${a.spin?.states} (no reduction ${a.spin?.statesNoReduce}) hazards=${a.spin?.hazards.join('+') || 'none'}`,
    );
    console.log(`spin agreement (${figures.length} scenarios):\n${lines.join('\n')}`);
    expect(figures.length).toBe(exportable.length);
  });
});
