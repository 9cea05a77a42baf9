import type { StateCreator } from 'zustand/vanilla';
import type { AppStore } from './store';

/** A question that is asked at `step` of `scenarioId`'s run: the steps after it stay hidden until it is answered. */
export interface PredictionHold {
  scenarioId: string;
  step: number;
}

/** Which guided-tour chapter is open, if any; the chapters themselves are data in src/tour. */
export interface TourSlice {
  tourChapter: number | null;
  predictionHold: PredictionHold | null;
  setTourChapter: (index: number | null) => void;
  setPredictionHold: (hold: PredictionHold | null) => void;
}

export const HOLD_MESSAGE = 'Answer or skip the question first: the next step is its answer.';

/** The last index the reader may see: the held step while a question waits on this run, else `last`. */
export function visibleLimit(s: AppStore, last: number): number {
  const hold = s.predictionHold;
  return hold && hold.scenarioId === s.scenarioId ? Math.min(last, hold.step) : last;
}

export const createTourSlice: StateCreator<AppStore, [], [], TourSlice> = (set) => ({
  tourChapter: null,
  predictionHold: null,
  setTourChapter: (tourChapter) => set({ tourChapter }),
  setPredictionHold: (predictionHold) => set({ predictionHold }),
});
