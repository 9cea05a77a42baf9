import { exploreSteps } from '../core/explore/engine/engine';
import type { ExploreProgress, ExploreResult } from '../core/explore/engine/machine';
import { safetyWithLivenessSteps } from '../core/explore/liveness/graph-safety';
import { packedLivenessSteps } from '../core/explore/liveness/ringside-liveness';
import { searchMachine } from '../core/explore/ringside/ringside';
import type { Scenario } from '../core/types';
import { nextTask, type Pause } from './pauses';
import type { ExploreRequest, ExploreResponse } from './protocol';

/** Progress every this many distinct states: a slice of a few milliseconds between two chances to cancel. */
export const DEFAULT_PROGRESS_EVERY = 2_000;
/** On the UI thread a slice of work ends after this long, so that no task comes near the 50 ms long-task mark. */
export const MAIN_THREAD_SLICE_MS = 5;
/** Progress is reported at least this often, and otherwise only every `progressEvery` states. */
const REPORT_EVERY_MS = 100;

export interface RunOptions {
  maxStates: number;
  maxStoreBytes?: number;
  progressEvery?: number;
  /**
   * Milliseconds per slice, for the page's own thread only. A worker passes none and pauses every `progressEvery`
   * states (a cancel waits that long at most): with slices the engine sizes its visited table for the whole bound
   * up front, a fresh 2 MB table per matrix cell, to spare the page's thread a rehash a worker need not avoid.
   */
  sliceMs?: number;
  /** `false` turns partial-order reduction off for the safety search (liveness always uses the full graph). */
  por?: boolean;
  /** With `por: false`, the safety search reads its findings off the liveness pass's graph: one walk, not two. */
  onePass?: boolean;
  signal: { readonly aborted: boolean };
  onProgress: (progress: ExploreProgress) => void;
  pause?: Pause;
}

/**
 * Explores every interleaving of `scenario` in slices, pausing between them, then (unless cancelled) runs the
 * liveness pass the same way; resolves with the explorer's result carrying both verdicts.
 */
export async function runExploration(scenario: Scenario, options: RunOptions): Promise<ExploreResult> {
  const { maxStates, maxStoreBytes, signal, pause = nextTask, por, sliceMs } = options;
  // A cancelled run reports nothing more: the search only notices the signal at its next check.
  const onProgress = (progress: ExploreProgress) => {
    if (!signal.aborted) options.onProgress(progress);
  };
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  const bounds = { maxStates, maxStoreBytes, progressEvery, sliceMs, signal };
  if (por === false && options.onePass)
    return sliced(safetyWithLivenessSteps(scenario, searchMachine(scenario), bounds), onProgress, progressEvery, pause);
  const search = exploreSteps(searchMachine(scenario), { ...bounds, por });
  const safety = await sliced(search, onProgress, progressEvery, pause);
  if (safety.status === 'cancelled') return safety;
  const liveness = await sliced(
    packedLivenessSteps(scenario, searchMachine(scenario), bounds),
    (progress) => onProgress({ ...progress, phase: 'liveness' }),
    progressEvery,
    pause,
  );
  return { ...safety, liveness };
}

/** Runs a search generator to its end, pausing between slices and reporting progress at a bounded rate. */
async function sliced<R>(
  steps: Generator<ExploreProgress, R, void>,
  onProgress: (progress: ExploreProgress) => void,
  progressEvery: number,
  pause: Pause,
): Promise<R> {
  let reported = { states: 0, ms: 0 };
  for (;;) {
    const slice = steps.next();
    if (slice.done) return slice.value;
    const progress = slice.value;
    const crossed = Math.floor(progress.states / progressEvery) > Math.floor(reported.states / progressEvery);
    if (crossed || progress.ms >= reported.ms + REPORT_EVERY_MS) {
      reported = progress;
      onProgress(progress);
    }
    await pause();
  }
}

/** Runs explorations for one side of the protocol: answers explore requests and cancels by id. */
export function createExploreHost(
  post: (response: ExploreResponse) => void,
  pause: Pause = nextTask,
  sliceMs?: number,
) {
  const running = new Map<number, { aborted: boolean }>();
  const start = async (request: Extract<ExploreRequest, { type: 'explore' }>) => {
    const { id, scenario, maxStates, maxStoreBytes, progressEvery, por, onePass } = request;
    const signal = { aborted: false };
    running.set(id, signal);
    try {
      await pause(); // receive() never explores synchronously: its caller (a click, onmessage) returns first.
      const onProgress = (progress: ExploreProgress) => post({ id, type: 'explore-progress', progress });
      const options = { maxStates, maxStoreBytes, progressEvery, sliceMs, signal, onProgress, pause, por, onePass };
      const result = await runExploration(scenario, options);
      post({ id, type: 'explore-result', result });
    } catch (error) {
      post({ id, type: 'explore-error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      running.delete(id);
    }
  };
  return {
    receive(request: ExploreRequest): void {
      if (request.type === 'explore') void start(request);
      else {
        const signal = running.get(request.id);
        if (signal) signal.aborted = true;
      }
    },
    cancelAll(): void {
      for (const signal of running.values()) signal.aborted = true;
    },
  };
}

export type ExploreHost = ReturnType<typeof createExploreHost>;
