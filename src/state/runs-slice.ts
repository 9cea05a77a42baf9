import type { StateCreator } from 'zustand/vanilla';
import type { RunLink } from '../url/run-link-types';
import type { AppStore } from './store';

/** A run the user left (another branch, scenario or finding), kept so that no run is lost. */
export interface SavedRun {
  /** The run's link text: also its identity. */
  href: string;
  link: RunLink;
  title: string;
}

/** Saved runs are kept newest first, at most this many. */
export const MAX_SAVED_RUNS = 12;

export interface RunsSlice {
  savedRuns: SavedRun[];
  /** A sentence about the link that was opened (an older model made it), shown until dismissed. */
  notice: string | null;
  saveRun: (run: SavedRun) => void;
  showNotice: (notice: string | null) => void;
}

export const createRunsSlice: StateCreator<AppStore, [], [], RunsSlice> = (set) => ({
  savedRuns: [],
  notice: null,
  saveRun: (run) =>
    set((s) => ({ savedRuns: [run, ...s.savedRuns.filter((r) => r.href !== run.href)].slice(0, MAX_SAVED_RUNS) })),
  showNotice: (notice) => set({ notice }),
});
