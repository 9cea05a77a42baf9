import type { Scenario, State, StepEvent } from '../core/types';

/** A request to the simulation: plain, structured-clone-safe data tagged with the caller's id. */
export type SimRequest =
  | { id: number; type: 'step'; state: State; thread: number }
  | { id: number; type: 'replay'; scenario: Scenario; schedule: number[] };

/** `states` are the snapshots after each event (for `replay`, states[0] is the initial state). */
export type SimResponse =
  | { id: number; type: 'result'; states: State[]; events: StepEvent[]; error?: string }
  | { id: number; type: 'error'; message: string };

type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

/** A request without its id, as the client's callers write it. */
export type SimCommand = WithoutId<SimRequest>;
