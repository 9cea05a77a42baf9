import { explore } from '../../src/core/explore/engine/engine';
import { searchMachine } from '../../src/core/explore/ringside/ringside';
import type { Scenario } from '../../src/core/types';
import type { MatrixPool } from '../pool/matrix-pool';

/** CPU seconds of this process (user + system): other load on the machine inflates it far less than wall time. */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export interface BenchFigures {
  name: string;
  states: number;
  transitions: number;
  cpuS: number;
  statesPerCpuS: number;
  bytesPerState: number;
  por: boolean;
  complete: boolean;
  /** Hazard kinds found (the verdict a same-work comparison must match). */
  hazards?: string[];
  /** Set when the search ran alone in a fresh process of the built CLI bundle, CPU counted from its start. */
  fresh?: boolean;
}

/** Explores `scenario` (safety only) and measures it; bytes per state = visited set + parent log + frontier peak. */
export function measureScenario(name: string, scenario: Scenario, por: boolean, maxStates: number): BenchFigures {
  const cpu0 = cpuSeconds();
  const r = explore(searchMachine(scenario), { maxStates, por });
  const cpuS = cpuSeconds() - cpu0;
  return {
    name,
    states: r.states,
    transitions: r.transitions,
    cpuS,
    statesPerCpuS: r.states / cpuS,
    bytesPerState: r.storeBytes / r.states,
    por,
    complete: r.complete,
    hazards: [...new Set(r.findings.filter((f) => f.severity === 'hazard').map((f) => f.kind))].sort(),
  };
}

export function benchLine(f: BenchFigures): string {
  return (
    `bench ${f.name}${f.fresh ? '-fresh' : ''}: states=${f.states} transitions=${f.transitions} cpu_s=${f.cpuS.toFixed(2)} ` +
    `states_per_cpu_s=${Math.round(f.statesPerCpuS)} bytes_per_state=${Math.round(f.bytesPerState)} ` +
    `por=${f.por ? 'on' : 'off'}${f.complete ? '' : ' INCOMPLETE'}`
  );
}

/**
 * One matrix run (safety only) on `pool`: `bench matrix-<label>: ... workers=N`; CPU counts every thread. With
 * `fromProcessStart`, CPU and wall count from the process's start (loading the code and starting the pool too).
 */
export async function matrixLine(
  label: string,
  por: boolean,
  pool: MatrixPool,
  fromProcessStart = false,
): Promise<string> {
  const cpu0 = fromProcessStart ? 0 : cpuSeconds();
  const t0 = fromProcessStart ? 0 : performance.now();
  const m = await pool.explore({ liveness: false, por });
  const wall = (performance.now() - t0) / 1000;
  const cpuS = cpuSeconds() - cpu0;
  return (
    `bench matrix-${label}: cells=${m.cells.length} states=${m.states} cpu_s=${cpuS.toFixed(2)} wall_s=${wall.toFixed(2)} ` +
    `por=${por ? 'on' : 'off'} workers=${pool.workers}${m.complete ? '' : ' INCOMPLETE'}`
  );
}
