import { replay, step, threadStatus } from '../core';
import type { State, ThreadStatus } from '../core/types';
import type { SimRequest, SimResponse } from './protocol';

const statusesOf = (states: readonly State[]): ThreadStatus[][] =>
  states.map((s) => s.threads.map((_, t) => threadStatus(s, t)));

/** Answers one request by calling the pure core; never throws. */
export function handle(request: SimRequest): SimResponse {
  const { id } = request;
  try {
    if (request.type === 'step') {
      const result = step(request.state, request.thread);
      if (!result.ok) return { id, type: 'error', message: result.error };
      return {
        id,
        type: 'result',
        states: [result.state],
        statuses: statusesOf([result.state]),
        events: [result.event],
      };
    }
    if (request.type === 'replay') {
      const run = replay(request.scenario, request.schedule);
      const { states, events } = run;
      const response: SimResponse = { id, type: 'result', states, statuses: statusesOf(states), events };
      return run.error === undefined ? response : { ...response, error: run.error };
    }
    return { id, type: 'error', message: `Unknown request type: ${(request as { type: unknown }).type}` };
  } catch (error) {
    return { id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
