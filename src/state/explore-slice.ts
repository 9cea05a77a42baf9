import type { StateCreator } from 'zustand/vanilla';
import type { ExploreProgress, ExploreResult } from '../core/explore/machine';
import type { AppStore } from './store';

/** The exhaustive exploration of one scenario, as the Explore panel shows it. */
export type Exploration =
  | { phase: 'idle' }
  | { phase: 'running'; scenarioId: string; progress: ExploreProgress | null; cancelling: boolean }
  | { phase: 'done'; scenarioId: string; result: ExploreResult }
  | { phase: 'failed'; scenarioId: string; message: string };

export interface ExploreSlice {
  exploration: Exploration;
  setExploration: (exploration: Exploration) => void;
}

export const createExploreSlice: StateCreator<AppStore, [], [], ExploreSlice> = (set) => ({
  exploration: { phase: 'idle' },
  setExploration: (exploration) => set({ exploration }),
});
