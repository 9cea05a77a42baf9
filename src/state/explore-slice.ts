import type { StateCreator } from 'zustand/vanilla';
import type { ExploreProgress, ExploreResult } from '../core/explore/engine/machine';
import type { AppStore } from './store';

/** The exhaustive exploration of one scenario, as the Explore panel shows it. */
export type Exploration =
  | { phase: 'idle' }
  | { phase: 'running'; scenarioId: string; progress: ExploreProgress | null; cancelling: boolean }
  | { phase: 'done'; scenarioId: string; result: ExploreResult }
  | { phase: 'failed'; scenarioId: string; message: string };

/** A liveness lasso opened in the stepper: `schedule` is the prefix then one turn of the loop, from `loopStart`. */
export interface LassoMark {
  scenarioId: string;
  schedule: number[];
  loopStart: number;
}

export interface ExploreSlice {
  exploration: Exploration;
  setExploration: (exploration: Exploration) => void;
  /** The lasso last opened from the Explore panel (the timeline marks its loop while the run still follows it). */
  lasso: LassoMark | null;
  markLasso: (lasso: LassoMark | null) => void;
}

export const createExploreSlice: StateCreator<AppStore, [], [], ExploreSlice> = (set) => ({
  exploration: { phase: 'idle' },
  setExploration: (exploration) => set({ exploration }),
  lasso: null,
  markLasso: (lasso) => set({ lasso }),
});

/** The opened lasso, if the current run still starts with its prefix and loop. */
export const selectShownLasso = (s: AppStore): LassoMark | null => {
  const lasso = s.lasso;
  if (!lasso || lasso.scenarioId !== s.scenarioId || s.schedule.length < lasso.schedule.length) return null;
  return lasso.schedule.every((t, i) => s.schedule[i] === t) ? lasso : null;
};
