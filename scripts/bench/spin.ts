import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigures } from './measure';

export interface SpinFigures {
  mode: 'nopor' | 'por';
  states: number;
  cpuS: number;
  statesPerCpuS: number;
  bytesPerState: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The yardstick lives beside the checkouts (`../shared/bench/spin`); SPIN_YARDSTICK overrides its path. */
export const YARDSTICK = process.env.SPIN_YARDSTICK ?? resolve(root, '../shared/bench/spin/yardstick.sh');

const LINE =
  /^spin-(nopor|por) states=(\d+) transitions=\d+ cpu_s=([\d.]+) states_per_cpu_s=(\d+) bytes_per_state=([\d.]+)/;

/** Runs yardstick.sh, echoes its lines, and returns its figures (none when spin, gcc or the script is missing). */
export function runYardstick(): SpinFigures[] {
  if (!existsSync(YARDSTICK)) {
    console.log(`spin yardstick not found at ${YARDSTICK} (set SPIN_YARDSTICK)`);
    return [];
  }
  const run = spawnSync('bash', [YARDSTICK], { encoding: 'utf8' });
  const out: SpinFigures[] = [];
  for (const line of `${run.stdout}`.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    console.log(line);
    out.push({
      mode: m[1] === 'por' ? 'por' : 'nopor',
      states: Number(m[2]),
      cpuS: Number(m[3]),
      statesPerCpuS: Number(m[4]),
      bytesPerState: Number(m[5]),
    });
  }
  if (out.length === 0) console.log(`spin yardstick printed no figures: ${`${run.stderr}`.trim().slice(0, 200)}`);
  return out;
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

/** The side-by-side ratios the goals are stated in (Ringside over Spin; see docs/performance.md). */
export function printRatios(spin: readonly SpinFigures[], ringside: readonly BenchFigures[]): void {
  const nopor = spin.find((s) => s.mode === 'nopor');
  const por = spin.find((s) => s.mode === 'por');
  const find = (name: string, on: boolean) => ringside.find((f) => f.name === name && f.por === on);
  if (!nopor || !por) return;
  for (const name of ['stress', 'yardstick']) {
    const off = find(name, false);
    const on = find(name, true);
    if (off) {
      console.log(
        `ratio ${name} por=off vs spin-nopor: states_per_cpu_s=${ratio(off.statesPerCpuS, nopor.statesPerCpuS)}x ` +
          `bytes_per_state=${ratio(off.bytesPerState, nopor.bytesPerState)}x`,
      );
    }
    if (on) {
      console.log(
        `ratio ${name} por=on vs spin-por: verdict_cpu_s=${ratio(on.cpuS, por.cpuS)}x ` +
          `states_per_cpu_s=${ratio(on.statesPerCpuS, por.statesPerCpuS)}x states=${ratio(on.states, por.states)}x`,
      );
    }
  }
}
