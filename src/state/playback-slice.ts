import type { StateCreator } from 'zustand/vanilla';
import type { State, StepEvent } from '../core/types';
import type { AppStore } from './store';
import { HOLD_MESSAGE, visibleLimit } from './tour-slice';

/** Invariant: states.length === events.length + 1, schedule[i] === events[i].thread, 0 <= index < states.length. */
export interface PlaybackSlice {
  states: State[];
  events: StepEvent[];
  schedule: number[];
  index: number;
  /** Bumped whenever the history is replaced, so late answers for an older run can be recognised. */
  run: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  loadRun: (states: State[], events: StepEvent[]) => void;
  appendSteps: (at: number, states: State[], events: StepEvent[]) => void;
  stepBack: () => void;
  stepForward: () => void;
  jumpTo: (index: number) => void;
  jumpToStart: () => void;
  jumpToEnd: () => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
}

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 8;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export const createPlaybackSlice: StateCreator<AppStore, [], [], PlaybackSlice> = (set, get) => ({
  states: [],
  events: [],
  schedule: [],
  index: 0,
  run: 0,
  playing: false,
  speed: 2,
  loadRun: (states, events) =>
    set((s) => ({
      states,
      events,
      schedule: events.map((event) => event.thread),
      index: 0,
      run: s.run + 1,
      playing: false,
      // A new run ends any question's hold; a question asked on the new run holds it again.
      predictionHold: null,
    })),
  appendSteps: (at, states, events) =>
    set((s) => {
      const kept = clamp(at, 0, s.events.length);
      const nextStates = [...s.states.slice(0, kept + 1), ...states];
      const nextEvents = [...s.events.slice(0, kept), ...events];
      return {
        states: nextStates,
        events: nextEvents,
        schedule: nextEvents.map((event) => event.thread),
        index: nextStates.length - 1,
      };
    }),
  stepBack: () => get().jumpTo(get().index - 1),
  stepForward: () => get().jumpTo(get().index + 1),
  jumpTo: (index) =>
    set((s) => {
      const last = Math.max(0, s.states.length - 1);
      const limit = visibleLimit(s, last);
      const wanted = clamp(Math.round(index), 0, last);
      // A waiting prediction keeps its answer (the next step) hidden; moving back stays free.
      if (wanted > limit && wanted > s.index) return { index: Math.max(s.index, limit), error: HOLD_MESSAGE };
      return { index: wanted };
    }),
  jumpToStart: () => get().jumpTo(0),
  jumpToEnd: () => get().jumpTo(get().states.length - 1),
  play: () => set({ playing: true }),
  pause: () => set({ playing: false }),
  togglePlay: () => set((s) => ({ playing: !s.playing })),
  setSpeed: (speed) => set({ speed: clamp(speed, MIN_SPEED, MAX_SPEED) }),
});
