import type { ExploreProgress, ExploreResult } from '../core/explore/engine/machine';
import type { Scenario, State, StepEvent, ThreadStatus } from '../core/types';

/** A request to the simulation: plain, structured-clone-safe data tagged with the caller's id. */
export type SimRequest =
  | { id: number; type: 'step'; state: State; thread: number }
  | { id: number; type: 'replay'; scenario: Scenario; schedule: number[] };

/**
 * `states` are the snapshots after each event (for `replay`, states[0] is the initial state); `statuses[i]` says of
 * each thread of `states[i]` whether it is ready, blocked or done, so the page need not load the ops to know.
 */
export type SimResponse =
  | { id: number; type: 'result'; states: State[]; statuses: ThreadStatus[][]; events: StepEvent[]; error?: string }
  | { id: number; type: 'error'; message: string };

/** Start an exhaustive exploration, or cancel the one started with the same id. */
export type ExploreRequest =
  | {
      id: number;
      type: 'explore';
      scenario: Scenario;
      maxStates: number;
      maxStoreBytes?: number;
      progressEvery?: number;
      /** `false` explores without partial-order reduction (it is on by default). */
      por?: boolean;
      /** With `por: false`: the safety search rides along the liveness pass's walk of the full graph (one walk). */
      onePass?: boolean;
    }
  | { id: number; type: 'cancel-explore' };

/** Progress reports while an exploration runs, then exactly one result or error with the same id. */
export type ExploreResponse =
  | { id: number; type: 'explore-progress'; progress: ExploreProgress }
  | { id: number; type: 'explore-result'; result: ExploreResult }
  | { id: number; type: 'explore-error'; message: string };

/** The first message to a worker and its answer: a worker that does not answer at once is treated as failed. */
export type HandshakeRequest = { type: 'hello' };
export type HandshakeResponse = { type: 'ready' };

export type WorkerRequest = SimRequest | ExploreRequest | HandshakeRequest;
export type WorkerResponse = SimResponse | ExploreResponse | HandshakeResponse;

export const isExploreRequest = (request: SimRequest | ExploreRequest): request is ExploreRequest =>
  request.type === 'explore' || request.type === 'cancel-explore';

export const isExploreResponse = (response: SimResponse | ExploreResponse): response is ExploreResponse =>
  response.type === 'explore-progress' || response.type === 'explore-result' || response.type === 'explore-error';

type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

/** A request without its id, as the client's callers write it. */
export type SimCommand = WithoutId<SimRequest>;
