import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../core/types';
import { createExploreSlice, type ExploreSlice } from './explore-slice';
import { createPlaybackSlice, type PlaybackSlice } from './playback-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { createTourSlice, type TourSlice } from './tour-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** Snapshots, indices and flags for the UI; the simulation itself lives in src/core. */
export type AppStore = PlaybackSlice & ScenarioSlice & UiSlice & ExploreSlice & RunsSlice & TourSlice;
export type AppStoreApi = StoreApi<AppStore>;

export function createAppStore(): AppStoreApi {
  return createStore<AppStore>()((...a) => ({
    ...createPlaybackSlice(...a),
    ...createScenarioSlice(...a),
    ...createUiSlice(...a),
    ...createExploreSlice(...a),
    ...createRunsSlice(...a),
    ...createTourSlice(...a),
  }));
}

export function useAppStore<T>(store: AppStoreApi, selector: (state: AppStore) => T): T {
  return useStore(store, selector);
}

export const selectCurrentState = (s: AppStore) => s.states[s.index];
/** The event that produced the current snapshot (none at the initial state). */
export const selectCurrentEvent = (s: AppStore) => (s.index > 0 ? s.events[s.index - 1] : undefined);
export const selectCurrentScenario = (s: AppStore): Scenario | undefined =>
  s.scenarios.find((scenario) => scenario.id === s.scenarioId);
export const selectAtEnd = (s: AppStore) => s.index >= s.states.length - 1;
