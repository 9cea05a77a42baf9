import { describe, expect, it } from 'vitest';
import { untranslatedOps } from '../../src/core/spin/promela-export';
import type { Scenario } from '../../src/core/types';
import { builtinScenarios } from '../../src/scenarios';
import { type Agreement, compareScenario, matrixScenarios } from './agreement';
import { spinMissing } from './run-spin';

/**
 * Spin on the exported model against Ringside's explorer, on every built-in and every matrix cell the export can
 * translate today: the same hazard kinds with Spin's reduction on and off, the same weak-fairness liveness. It
 * needs spin and gcc; without them it fails with the install command (CI installs both in .ci/run).
 */
const missing = spinMissing();
const translated = (s: Scenario) => untranslatedOps(s).length === 0;
const cells = matrixScenarios().filter(translated);
/** A fixed sample of at least 50 cells spread over the matrix; RINGSIDE_SPIN_ALL=1 runs every translated cell. */
const sample = process.env.RINGSIDE_SPIN_ALL === '1' ? cells : cells.filter((_, i) => i % 3 === 0);
const exportable = [...builtinScenarios.filter(translated), ...sample];
/** RINGSIDE_SPIN_ONLY=<regex> compares only the scenarios whose id matches (with RINGSIDE_SPIN_ALL=1: any cell). */
const only = process.env.RINGSIDE_SPIN_ONLY;
const compared = only ? exportable.filter((s) => new RegExp(only).test(s.id)) : exportable;
const figures: Agreement[] = [];

describe('Spin and Ringside agree', () => {
  it('has spin and gcc', () => {
    expect(missing, missing ?? '').toBeNull();
  });

  it('compares the kmap-seq stories and a sample of at least 50 matrix cells', () => {
    const ids = exportable.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['gup-munmap-uaf', 'rmb-reorder', 'swapout-lost-write']));
    expect(sample.length).toBeGreaterThanOrEqual(50);
  });

  it.skipIf(missing !== null).each(compared.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
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
    expect(figures.length).toBe(compared.length);
  });
});
