import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { explore } from '../src/core/explore/engine/engine';
import { hash64, key64 } from '../src/core/explore/engine/hash64';
import { KeyTable } from '../src/core/explore/engine/key-table';
import { type MachineTimes, timedMachine } from '../src/core/explore/engine/timed-machine';
import { checkScenarioLiveness } from '../src/core/explore/liveness/ringside-liveness';
import { exploreMatrix } from '../src/core/explore/matrix/matrix';
import { searchMachine } from '../src/core/explore/ringside/ringside';
import { type BenchFigures, benchLine, measureScenario } from './bench/measure';
import { stress, yardstick } from './bench/scenarios';
import { printRatios, runYardstick } from './bench/spin';
import { spinSameWork } from './bench/spin-same-work';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20)} MB`;
const perSecond = (states: number, ms: number) => `${fmt((states / ms) * 1000)} states/s`;
/** CPU time of this process (user + system), which other load on the machine does not inflate the way it does wall time. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const cpuNote = (states: number, cpu: number) => `CPU ${fmt(cpu)} ms = ${perSecond(states, cpu)} per CPU-second`;
const peak = { rss: 0, heap: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heap = Math.max(peak.heap, m.heapUsed);
};

function benchMatrix(label: string, liveness: boolean): void {
  const cpu0 = cpuMs();
  const m = exploreMatrix({ liveness });
  const cpu = cpuMs() - cpu0;
  const na = m.cells.filter((c) => c.status === 'n/a').length;
  console.log(
    `matrix (${label}, ${liveness ? 'safety + liveness' : 'safety only'}): ${m.cells.length} cells (${na} n/a), ` +
      `${fmt(m.states)} states, ${fmt(m.ms)} ms, ${perSecond(m.states, m.ms)}; ${cpuNote(m.states, cpu)}; complete=${m.complete}`,
  );
}

/** The liveness pass alone on the stress scenario: graph building (with edges), Tarjan, lassos. */
function benchLiveness(maxStates: number): void {
  const cpu0 = cpuMs();
  const rssBefore = process.memoryUsage().rss;
  const r = checkScenarioLiveness(stress, searchMachine(stress), {
    maxStates,
    progressEvery: 25_000,
    onProgress: sample,
  });
  const cpu = cpuMs() - cpu0;
  sample();
  console.log(
    `liveness (stress): ${fmt(r.states)} states, ${fmt(r.transitions)} transitions, ${fmt(r.ms)} ms, ` +
      `${perSecond(r.states, r.ms)}; ${cpuNote(r.states, cpu)}; status ${r.status}; ` +
      `no fairness ${r.noFairness.verdict}, weak fairness ${r.weakFairness.verdict}; ${r.cycles} cycles, ${r.fairCycles} fair`,
  );
  console.log(
    `liveness memory: graph + component search ${mb(r.bytes)} = ${(r.bytes / r.states).toFixed(1)} bytes/state; ` +
      `rss before ${mb(rssBefore)}, peak rss so far ${mb(peak.rss)}`,
  );
}

function benchStress(maxStates: number): void {
  sample();
  const cpu0 = cpuMs();
  const r = explore(searchMachine(stress), { maxStates, progressEvery: 25_000, onProgress: sample });
  const cpu = cpuMs() - cpu0;
  sample();
  console.log(
    `stress: ${fmt(r.states)} states, ${fmt(r.transitions)} transitions, depth ${r.depth}, ${fmt(r.ms)} ms, ` +
      `${perSecond(r.states, r.ms)}; ${cpuNote(r.states, cpu)}; ${r.message}`,
  );
  console.log(
    `memory: peak rss ${mb(peak.rss)}, peak heapUsed ${mb(peak.heap)}; explorer stores ${mb(r.storeBytes)} = ` +
      `${(r.storeBytes / r.states).toFixed(1)} bytes/state (64-bit keys + parent log + peak frontier encodings)`,
  );
  console.log(`findings: ${r.findings.map((f) => `${f.kind} after ${f.schedule.length} steps`).join(', ') || 'none'}`);
}

/** Where the time goes: each machine call timed, plus a second hash of every encoding to time hashing alone. */
function benchProfile(maxStates: number): void {
  const times: MachineTimes & { hash: number } = { enabled: 0, step: 0, encode: 0, decode: 0, hash: 0 };
  const machine = timedMachine(searchMachine(stress), times);
  const encode = machine.encode;
  machine.encode = (state, w) => {
    encode(state, w);
    const t0 = performance.now();
    hash64(w.buf, w.len);
    times.hash += performance.now() - t0;
  };
  const r = explore(machine, { maxStates });
  const measured = times.enabled + times.step + times.encode + times.decode + 2 * times.hash;
  const part = (name: string, ms: number) =>
    `${name} ${fmt(ms)} ms (${((ms / (r.ms - times.hash)) * 100).toFixed(0)}%)`;
  console.log(
    `profile of the first ${fmt(r.states)} states (${fmt(r.transitions)} transitions, ${fmt(r.ms - times.hash)} ms): ` +
      [
        part('core step', times.step),
        part('core enabledThreads', times.enabled),
        part('encode', times.encode),
        part('decode', times.decode),
        part('hash', times.hash),
        part('table + frontier + engine', r.ms - measured),
      ].join(', '),
  );
}

function benchTable(n: number, encodingLength: number): void {
  const table = new KeyTable();
  const buf = new Int32Array(encodingLength).map((_, i) => i);
  const t0 = performance.now();
  for (let i = 1; i <= n; i++) {
    buf[7] = i;
    hash64(buf, encodingLength);
    table.add(key64[0] as number, key64[1] as number);
  }
  const ms = performance.now() - t0;
  console.log(
    `hash + key table alone: ${fmt(n)} distinct ${encodingLength}-int encodings in ${fmt(ms)} ms ` +
      `(${((ms * 1e6) / n).toFixed(0)} ns each), table ${mb(table.bytes)}`,
  );
}

/**
 * `npm run explore` runs with V8's defaults: the matrix's flags below cost one long search 6–8% CPU
 * (docs/performance.md, lead28), and a short one finishes before they could pay.
 */
const V8_EXPLORE_FLAGS: string[] = [];
/**
 * `npm run matrix` runs many short searches in each isolate: TurboFan inlines less (about a fifth less CPU for a cold
 * matrix) and optimises after 8 times V8's default interrupt budget (lukewarm set-up code stays in the interpreter).
 */
const V8_COLD_FLAGS = ['--max-inlined-bytecode-size-cumulative=300', '--interrupt-budget=540672'];
/**
 * `npm run matrix` adds these: with a lane on every core, V8's helper threads (concurrent TurboFan, parallel GC)
 * find no free core, so each lane compiles and collects on its own thread (about 0.1 CPU s less on 2 cores; slower
 * with one lane, so `npm run explore` keeps V8's defaults); TurboFan does not peel loops (each isolate compiles
 * faster, a cold matrix takes about 3% less CPU, a warm one the same: docs/performance.md, cold4).
 */
const V8_MATRIX_FLAGS = ['--no-concurrent-recompilation', '--single-threaded-gc', '--no-turbo-loop-peeling'];

/** Builds dist-node/ (the matrix's fresh process and its workers as plain JavaScript) if a source changed. */
function buildNodeBundles(): void {
  const run = spawnSync(process.execPath, [new URL('./build-node.mjs', import.meta.url).pathname], {
    encoding: 'utf8',
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) throw new Error(`scripts/build-node.mjs failed: ${run.stderr.trim().slice(0, 300)}`);
}

/**
 * The matrix in a fresh node process running the built bundle (cold: counted from the process's start, so with
 * loading the code, starting the workers and V8 still compiling), then again in that process (warm).
 */
function benchMatrixFresh(por: boolean, workers?: number): void {
  const args = [
    ...V8_COLD_FLAGS,
    ...V8_MATRIX_FLAGS,
    new URL('../dist-node/matrix-cold.cjs', import.meta.url).pathname,
  ];
  if (!por) args.push('--no-por');
  if (workers) args.push('--workers', String(workers));
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  process.stdout.write(run.stdout);
  if (run.status !== 0) console.log(`matrix child failed: ${run.stderr.trim().slice(0, 300)}`);
}

/**
 * One scenario's search alone in a fresh process of the built bundle, run as `npm run explore` runs it, with its CPU
 * counted from the process's start: the way Spin's pan is run and timed (the same-work comparison's Ringside side).
 */
function measureFresh(name: 'stress' | 'yardstick', por: boolean, maxStates: number): BenchFigures | undefined {
  const script = new URL('../dist-node/scenario-fresh.cjs', import.meta.url).pathname;
  const args = [...V8_EXPLORE_FLAGS, script, name, '--max-states', String(maxStates), ...(por ? [] : ['--no-por'])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    console.log(`${name} fresh process failed: ${run.stderr.trim().slice(0, 300)}`);
    return undefined;
  }
  return JSON.parse(last) as BenchFigures;
}

/** Alternating pairs (fresh Ringside process, then pan) for the unreduced same-work ratio; its median is the figure. */
const SAME_WORK_ROUNDS = 3;

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const maxStates = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 6_000_000);
const load = () => `load average ${loadavg()[0]?.toFixed(2)}`;
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${load()}`);
const figures: BenchFigures[] = [];
const measured = (name: string, scenario: typeof stress, por: boolean) => {
  const f = measureScenario(name, scenario, por, maxStates);
  figures.push(f);
  console.log(benchLine(f));
};
if (!flags.includes('--spin-only')) {
  buildNodeBundles();
  benchMatrixFresh(true);
  benchMatrixFresh(true, 1);
  benchMatrixFresh(false);
  measured('stress', stress, false);
  measured('stress', stress, true);
}
measured('yardstick', yardstick, false);
measured('yardstick', yardstick, true);
if (!flags.includes('--no-spin')) {
  console.log(`spin yardstick (same run), ${load()}`);
  printRatios(runYardstick(), figures);
  if (!flags.includes('--spin-only')) {
    console.log(`spin on the exported stress scenario (same model), ${load()}`);
    spinSameWork('stress', stress, figures, (por) => measureFresh('stress', por, maxStates), SAME_WORK_ROUNDS);
  }
}
if (flags.includes('--detail')) {
  benchMatrix('cold', false);
  benchMatrix('warm', false);
  benchMatrix('liveness code cold', true);
  benchMatrix('warm', true);
  benchStress(maxStates);
  benchLiveness(maxStates);
  benchProfile(200_000);
  benchTable(2_000_000, 65);
}
console.log(`${load()} at the end`);
