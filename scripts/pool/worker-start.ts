import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** In a bundle (scripts/build-node.mjs) the worker is the bundle next to it; from TypeScript, tsx loads its source. */
export const startWorker = (): Worker =>
  process.env.RINGSIDE_BUNDLE
    ? new Worker(new URL('./cell-worker.cjs', import.meta.url))
    : new Worker(new URL('./boot.mjs', import.meta.url), {
        workerData: { entry: new URL('./cell-worker.ts', import.meta.url).href },
      });

/** The lanes a pool of `workers` has: at least one, at most one per cell (`cells`). */
export const laneCount = (workers: number, cells: number) => Math.max(1, Math.min(workers, cells));

/** Worker threads started before their pool was made, in the order started. */
const early: Worker[] = [];

/**
 * Starts the worker threads of a pool of `workers` lanes now (`cells` to do), for a pool made later in this process:
 * a worker then boots while this thread still loads its own code. Only the first pool takes them.
 */
export function startWorkersEarly(workers = availableParallelism(), cells = Number.POSITIVE_INFINITY): void {
  for (let i = 1; i < laneCount(workers, cells); i++) early.push(startWorker());
}

/** `count` worker threads: those started early first, then new ones. */
export function takeWorkers(count: number): Worker[] {
  const taken = early.splice(0, count);
  while (taken.length < count) taken.push(startWorker());
  return taken;
}
