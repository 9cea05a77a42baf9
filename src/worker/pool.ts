import type { MatrixLane } from '../state/matrix-run';
import { createWorkerClient, type SimClient } from './client';

/** How many workers the matrix runs on: one per core the browser reports, between 1 and 8. */
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency): number {
  return Math.min(8, Math.max(1, Math.floor(cores || 1)));
}

/** A lane that explores in its own worker, and on `fallback` (the app's client) once that worker has failed. */
export function laneWithFallback(own: SimClient, fallback: MatrixLane): MatrixLane {
  return {
    explore(call) {
      if (own.runsOnMainThread) return fallback.explore(call);
      const first = own.explore(call);
      let cancel = first.cancel;
      let cancelled = false;
      const result = first.result.catch((error: unknown) => {
        // The worker failed mid-run (its client rejects every exploration it had): run the variant again elsewhere.
        if (cancelled || !own.runsOnMainThread) throw error;
        const again = fallback.explore(call);
        cancel = again.cancel;
        return again.result;
      });
      const stop = () => {
        cancelled = true;
        cancel();
      };
      return { result, cancel: stop };
    },
  };
}

/** Explorations in flight per worker: the next one waits in the worker's queue while the page is busy rendering. */
export const IN_FLIGHT_PER_WORKER = 2;

export interface ExplorePool {
  /** Each worker's lane `IN_FLIGHT_PER_WORKER` times (a client on the main thread once). */
  lanes: readonly MatrixLane[];
  /** Terminates the workers the pool added (never the app's own client). */
  close(): void;
}

/**
 * The app's client plus `size - 1` more workers, for work that splits into independent explorations (the
 * matrix's cells). A client already on the main thread gets no company: the page must stay responsive.
 */
export function createExplorePool(
  primary: SimClient,
  { size = poolSize(), create = () => createWorkerClient(), canStart = typeof Worker !== 'undefined' } = {},
): ExplorePool {
  const extra = canStart && !primary.runsOnMainThread ? Array.from({ length: size - 1 }, () => create()) : [];
  const lanes = [primary, ...extra.map((client) => laneWithFallback(client, primary))];
  const copies = primary.runsOnMainThread ? 1 : IN_FLIGHT_PER_WORKER;
  return {
    lanes: lanes.flatMap((lane) => Array.from({ length: copies }, () => lane)),
    close: () => {
      for (const client of extra) client.terminate();
    },
  };
}
