import { exportPromela } from '../../src/core/spin/promela-export';
import type { Scenario } from '../../src/core/types';
import { runPan, spinMissing } from '../spin/run-spin';
import { type BenchFigures, benchLine } from './measure';

const ratio = (a: number, b: number) => (a / b).toFixed(2);

/** Ringside's search of the scenario alone in a fresh process (`scenario-fresh.ts`), or undefined when it failed. */
export type FreshRun = (por: boolean) => BenchFigures | undefined;

/**
 * Spin on the exported scenario itself (same programs, same state schema), with and without its partial-order
 * reduction, hash compaction on (-DHC4: like Ringside's 64-bit keys, a state is stored as a short hash): then the
 * same-work comparison with Ringside's lines of the same scenario. Without reduction, `rounds` pairs alternate a
 * fresh Ringside process and pan, so both sides meet the same load, and the median pair's ratio is printed last.
 */
export function spinSameWork(
  name: string,
  scenario: Scenario,
  ringside: readonly BenchFigures[],
  fresh: FreshRun,
  rounds: number,
): void {
  const missing = spinMissing();
  if (missing) return void console.log(`spin-${name}: skipped, ${missing}`);
  const model = exportPromela(scenario, { ringsideVersion: 'bench', modelVersion: 'bench', link: '(bench)' });
  if (!model.ok) return void console.log(`spin-${name}: not exported, ${model.error}`);
  for (const por of [false, true]) {
    const ratios: number[] = [];
    for (let round = 0; round < (por ? 1 : rounds); round++) {
      const ours = fresh(por);
      if (ours) console.log(benchLine(ours));
      const spin = spinFigures(name, model.text, por);
      console.log(benchLine(spin));
      const inProcess = round === 0 ? ringside.filter((f) => f.name === name && f.por === por) : [];
      for (const same of [...inProcess, ...(ours ? [ours] : [])]) console.log(sameWorkLine(name, same, spin));
      if (ours) ratios.push(ours.statesPerCpuS / spin.statesPerCpuS);
    }
    if (ratios.length > 1) {
      const sorted = [...ratios].sort((a, b) => a - b);
      console.log(
        `same-work ${name} por=${por ? 'on' : 'off'}, median of ${ratios.length} alternating fresh-process pairs: ` +
          `${(sorted[Math.floor(sorted.length / 2)] as number).toFixed(2)}x (${ratios.map((r) => r.toFixed(2)).join(', ')})`,
      );
    }
  }
}

/** One pan run on the exported model (built with -O2, not counted), as figures. */
function spinFigures(name: string, model: string, por: boolean): BenchFigures {
  const r = runPan(model, por ? 'safety' : 'safety-noreduce', {
    optimise: '-O2',
    depth: 1_000_000,
    hashBits: 26,
    cflags: ['-DHC4'],
  });
  return {
    name: `spin-${name}`,
    states: r.states,
    transitions: r.transitions,
    cpuS: r.cpuS,
    statesPerCpuS: r.states / r.cpuS,
    bytesPerState: r.memoryBytes / r.states,
    por,
    complete: !r.truncated && !r.capacityExceeded,
    hazards: [...r.hazards].sort(),
  };
}

const verdict = (f: BenchFigures) =>
  `${f.complete ? 'complete' : 'INCOMPLETE'}, hazards ${f.hazards?.join('+') || 'none'}`;

/** One side-by-side line; a fresh-process Ringside figure is labelled as such (it is the like-for-like one). */
function sameWorkLine(name: string, same: BenchFigures, spin: BenchFigures): string {
  const agree = verdict(same) === verdict(spin);
  const where = same.fresh ? ' (fresh process, CPU from its start, as pan)' : '';
  return (
    `same-work ${name} por=${same.por ? 'on' : 'off'}${where}: ringside ${Math.round(same.statesPerCpuS)} vs spin ${Math.round(spin.statesPerCpuS)} ` +
    `states_per_cpu_s (${ratio(same.statesPerCpuS, spin.statesPerCpuS)}x), states ${same.states} vs ${spin.states}; ` +
    `cpu_s to the verdict (${verdict(same)}${agree ? '' : ` vs Spin's ${verdict(spin)}`}): ringside ${same.cpuS.toFixed(2)} vs spin ${spin.cpuS.toFixed(2)} ` +
    `(${ratio(same.cpuS, spin.cpuS)}x; Spin's gcc build not counted)`
  );
}
