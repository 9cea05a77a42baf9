import { describe, expect, it } from 'vitest';
import { untranslatedOps } from '../../src/core/spin/promela-export';
import type { Scenario } from '../../src/core/types';
import { builtinScenarios, completeBuiltins, isLargeScenario } from '../../src/scenarios';
import { type Agreement, boundedHazards, compareScenario, matrixScenarios, sampledCells } from './agreement';
import { spinMissing } from './run-spin';

/**
 * Spin on the exported model against Ringside's explorer, on every built-in and a fixed sample of matrix cells
 * that the export can translate: the same hazard kinds with Spin's reduction on and off, the same weak-fairness
 * liveness. New translations join by themselves. It needs spin and gcc; without them it fails with the install
 * command (CI installs both in .ci/run). RINGSIDE_SPIN_ALL=1 runs every cell; RINGSIDE_SPIN_ONLY=<regex> keeps the
 * scenarios whose id matches.
 */
const missing = spinMissing();
const translated = (s: Scenario) => untranslatedOps(s).length === 0;
const cells = matrixScenarios();
const only = process.env.RINGSIDE_SPIN_ONLY ? new RegExp(process.env.RINGSIDE_SPIN_ONLY) : null;
const picked = (s: Scenario) => only === null || only.test(s.id);
const sample = (process.env.RINGSIDE_SPIN_ALL === '1' ? cells : sampledCells(cells)).filter(translated);
const exportable = [...completeBuiltins.filter(translated), ...sample].filter(picked);
const large = builtinScenarios.filter(isLargeScenario).filter(picked);
const figures: Agreement[] = [];

/** Both partial searches of a large built-in stay cheap: 20,000 Ringside states, 2^18 bits of Spin's table. */
const LARGE_RINGSIDE_STATES = 20_000;
const LARGE_SPIN_HASH_BITS = 18;

describe('Spin and Ringside agree', () => {
  it('has spin and gcc', () => {
    expect(missing, missing ?? '').toBeNull();
  });

  it.skipIf(only !== null)('compares the kmap-seq stories and a fixed sample of at least 50 matrix cells', () => {
    const ids = exportable.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['gup-munmap-uaf', 'rmb-reorder', 'swapout-lost-write']));
    expect(sample.length).toBeGreaterThanOrEqual(50);
  });

  it.skipIf(missing !== null).each(exportable.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const a = await compareScenario(scenario);
    figures.push(a);
    expect(a.untranslated).toEqual([]);
    expect(a.differences, `${a.id}: ${a.differences.join('; ')}`).toEqual([]);
    expect(a.spin?.hazards).toEqual(a.ringside?.hazards);
  });

  // Neither checker finishes a large built-in within a test's budget (docs/spin.md has the full runs): every
  // hazard kind Ringside meets before its bound, a coarse bitstate search must meet too.
  it.skipIf(missing !== null).each(large.map((s) => [s.id, s] as const))(
    'large %s: hazard kinds Ringside finds before its bound are among Spin bitstate kinds',
    async (_id, scenario) => {
      const r = await boundedHazards(scenario, LARGE_RINGSIDE_STATES, LARGE_SPIN_HASH_BITS);
      expect(r.ringsideComplete).toBe(false);
      expect(r.spinStates).toBeGreaterThan(LARGE_RINGSIDE_STATES);
      expect(r.spin).toEqual(expect.arrayContaining(r.ringside));
      expect(scenario.expect.hazards).toEqual(expect.arrayContaining(r.spin));
    },
  );

  it.skipIf(missing !== null)('reports both state counts', () => {
    const lines = figures.map(
      (a) =>
        `${a.id}: ringside states=${a.ringside?.states} (no POR ${a.ringside?.statesNoPor}) spin states=${a.spin?.states} (no reduction ${a.spin?.statesNoReduce}) hazards=${a.spin?.hazards.join('+') || 'none'}`,
    );
    console.log(`spin agreement (${figures.length} scenarios):\n${lines.join('\n')}`);
    expect(figures.length).toBe(exportable.length);
  });
});
