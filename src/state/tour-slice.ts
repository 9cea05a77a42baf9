import type { StateCreator } from 'zustand/vanilla';
import type { OwnTour } from '../tour/own/own-tour';
import type { AppStore } from './store';

/** A tour of one's own being played, and the stop shown. */
export interface OwnTourPlay {
  tour: OwnTour;
  stop: number;
  /** The tour's own link (`encodeOwnTour`), kept in the address bar while it plays; null if too long for a link. */
  link: string | null;
}

/** A question that is asked at `step` of `scenarioId`'s run: the steps after it stay hidden until it is answered. */
export interface PredictionHold {
  scenarioId: string;
  step: number;
}

/** Which guided-tour chapter is open, if any; the chapters themselves are data in src/tour. */
export interface TourSlice {
  tourChapter: number | null;
  predictionHold: PredictionHold | null;
  ownTour: OwnTourPlay | null;
  setTourChapter: (index: number | null) => void;
  setOwnTour: (play: OwnTourPlay | null) => void;
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
  ownTour: null,
  setTourChapter: (tourChapter) => set({ tourChapter }),
  setOwnTour: (ownTour) => set({ ownTour }),
  setPredictionHold: (predictionHold) => set({ predictionHold }),
});
