import { loadavg } from 'node:os';
import { exploreSteps } from '../src/core/explore/engine/engine';
import type { ExploreOptions } from '../src/core/explore/engine/machine';
import { ringsideMachine } from '../src/core/explore/ringside/ringside';
import { BROWSER_MAX_STATES, BROWSER_MAX_STORE_BYTES } from '../src/state/explorer';
import { DEFAULT_PROGRESS_EVERY, MAIN_THREAD_SLICE_MS } from '../src/worker/explore-runner';
import { largestScenario } from './bench/scenarios';

/**
 * How long one slice of exploration work holds the thread, as the main-thread fallback runs it, on the largest
 * scenarios the validator accepts: the most rounds and mm threads, the largest ring. Prints the longest slice,
 * the 99th percentile and the slices over the 50 ms long-task mark, with and without time slicing.
 */
const largest = largestScenario();

function slices(label: string, options: ExploreOptions): void {
  const steps = exploreSteps(ringsideMachine(largest), options);
  const wall: number[] = [];
  const cpu: number[] = [];
  let started = [performance.now(), cpuMs()] as const;
  const lap = () => {
    wall.push(performance.now() - started[0]);
    cpu.push(cpuMs() - started[1]);
    started = [performance.now(), cpuMs()];
  };
  let r = steps.next();
  for (; !r.done; r = steps.next()) lap();
  lap();
  const line = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
    const long = sorted.filter((t) => t > 50).length;
    return `longest ${sorted.at(-1)?.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${long} over 50 ms`;
  };
  console.log(`${label}: ${wall.length} slices; ${r.value.message}; stores ${mb(r.value.storeBytes)}`);
  console.log(`  wall: ${line(wall)}`);
  console.log(`  CPU:  ${line(cpu)}`);
}

/** CPU time of this process: load from other processes inflates wall time, not this. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

console.log(`load average ${loadavg()[0]?.toFixed(2)}`);
const bounds = { maxStates: BROWSER_MAX_STATES, maxStoreBytes: BROWSER_MAX_STORE_BYTES };
slices(`before: slices of ${DEFAULT_PROGRESS_EVERY} states`, { ...bounds, progressEvery: DEFAULT_PROGRESS_EVERY });
slices(`main-thread fallback: ${MAIN_THREAD_SLICE_MS} ms slices`, {
  ...bounds,
  progressEvery: 1e9,
  sliceMs: MAIN_THREAD_SLICE_MS,
});
