import { exploreSteps } from '../core/explore/engine';
import type { ExploreProgress, ExploreResult } from '../core/explore/machine';
import { ringsideMachine } from '../core/explore/ringside';
import { scenarioLivenessSteps } from '../core/explore/ringside-liveness';
import type { Scenario } from '../core/types';
import type { ExploreRequest, ExploreResponse } from './protocol';

/** Progress every this many distinct states: a slice of a few milliseconds between two chances to cancel. */
export const DEFAULT_PROGRESS_EVERY = 2_000;

/** Lets the event loop run (so a cancel message can arrive) before the next slice. */
export type Pause = () => Promise<void>;

export const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

export interface RunOptions {
  maxStates: number;
  progressEvery?: number;
  signal: { readonly aborted: boolean };
  onProgress: (progress: ExploreProgress) => void;
  pause?: Pause;
}

/**
 * Explores every interleaving of `scenario` in slices, pausing between them, then (unless cancelled) runs the
 * liveness pass the same way; resolves with the explorer's result carrying both verdicts.
 */
export async function runExploration(scenario: Scenario, options: RunOptions): Promise<ExploreResult> {
  const { maxStates, signal, onProgress, pause = nextTask } = options;
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  const machine = ringsideMachine(scenario);
  const safety = await sliced(exploreSteps(machine, { maxStates, progressEvery, signal }), onProgress, pause);
  if (safety.status === 'cancelled') return safety;
  const liveness = await sliced(
    scenarioLivenessSteps(scenario, machine, { maxStates, progressEvery, signal }),
    (progress) => onProgress({ ...progress, phase: 'liveness' }),
    pause,
  );
  return { ...safety, liveness };
}

async function sliced<R>(
  steps: Generator<ExploreProgress, R, void>,
  onProgress: (progress: ExploreProgress) => void,
  pause: Pause,
): Promise<R> {
  for (;;) {
    const slice = steps.next();
    if (slice.done) return slice.value;
    onProgress(slice.value);
    await pause();
  }
}

/** Runs explorations for one side of the protocol: answers explore requests and cancels by id. */
export function createExploreHost(post: (response: ExploreResponse) => void, pause: Pause = nextTask) {
  const running = new Map<number, { aborted: boolean }>();
  const start = async (request: Extract<ExploreRequest, { type: 'explore' }>) => {
    const { id, scenario, maxStates, progressEvery } = request;
    const signal = { aborted: false };
    running.set(id, signal);
    try {
      await pause(); // receive() never explores synchronously: its caller (a click, onmessage) returns first.
      const onProgress = (progress: ExploreProgress) => post({ id, type: 'explore-progress', progress });
      const result = await runExploration(scenario, { maxStates, progressEvery, signal, onProgress, pause });
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
