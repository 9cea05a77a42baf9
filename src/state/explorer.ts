import type { SimClient } from '../worker/client';
import type { ExploreRun } from '../worker/explore-client';
import { type AppStoreApi, selectCurrentScenario } from './store';

/** The browser's state bound: enough for every built-in scenario, small enough for a tab's memory. */
export const BROWSER_MAX_STATES = 300_000;
/** The browser's memory bound on the explorer's stores (about 60 MB at 300,000 states of the largest scenarios). */
export const BROWSER_MAX_STORE_BYTES = 96 * 2 ** 20;

/** Starts and cancels the exhaustive exploration of the current scenario; at most one runs at a time. */
export interface Explorer {
  /** `por: false` explores without partial-order reduction (docs/partial-order.md). */
  start: (options?: { por?: boolean }) => void;
  cancel: () => void;
  /** Cancels any run and forgets its results. */
  reset: () => void;
  /** Resets whenever another scenario is selected; returns the function that stops watching (and resets). */
  watchScenario: () => () => void;
}

export function createExplorer(store: AppStoreApi, client: SimClient): Explorer {
  let current: ExploreRun | null = null;
  let generation = 0;
  const set = store.getState().setExploration;

  const reset = () => {
    generation++;
    current?.cancel();
    current = null;
    set({ phase: 'idle' });
  };
  const start = ({ por = true }: { por?: boolean } = {}) => {
    const scenario = selectCurrentScenario(store.getState());
    if (!scenario) return;
    reset();
    const mine = generation;
    const scenarioId = scenario.id;
    set({ phase: 'running', scenarioId, progress: null, cancelling: false });
    const run = client.explore({
      scenario,
      maxStates: BROWSER_MAX_STATES,
      maxStoreBytes: BROWSER_MAX_STORE_BYTES,
      por,
      onProgress: (progress) => {
        const shown = store.getState().exploration;
        if (mine === generation && shown.phase === 'running') set({ ...shown, progress });
      },
    });
    current = run;
    run.result.then(
      (result) => mine === generation && set({ phase: 'done', scenarioId, result }),
      (error: unknown) =>
        mine === generation &&
        set({ phase: 'failed', scenarioId, message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const cancel = () => {
    const shown = store.getState().exploration;
    if (shown.phase !== 'running' || !current) return;
    set({ ...shown, cancelling: true });
    current.cancel();
  };
  const watchScenario = () => {
    const unsubscribe = store.subscribe((s, previous) => {
      if (s.scenarioId !== previous.scenarioId) reset();
    });
    return () => {
      unsubscribe();
      reset();
    };
  };
  return { start, cancel, reset, watchScenario };
}
