import type { StateCreator } from 'zustand/vanilla';
import type { AppStore } from './store';

/** Which guided-tour chapter is open, if any; the chapters themselves are data in src/tour. */
export interface TourSlice {
  tourChapter: number | null;
  setTourChapter: (index: number | null) => void;
}

export const createTourSlice: StateCreator<AppStore, [], [], TourSlice> = (set) => ({
  tourChapter: null,
  setTourChapter: (tourChapter) => set({ tourChapter }),
});
