import { replay, step } from '../core';
import type { SimRequest, SimResponse } from './protocol';

/** Answers one request by calling the pure core; never throws. */
export function handle(request: SimRequest): SimResponse {
  const { id } = request;
  try {
    if (request.type === 'step') {
      const result = step(request.state, request.thread);
      if (!result.ok) return { id, type: 'error', message: result.error };
      return { id, type: 'result', states: [result.state], events: [result.event] };
    }
    if (request.type === 'replay') {
      const run = replay(request.scenario, request.schedule);
      const response: SimResponse = { id, type: 'result', states: run.states, events: run.events };
      return run.error === undefined ? response : { ...response, error: run.error };
    }
    return { id, type: 'error', message: `Unknown request type: ${(request as { type: unknown }).type}` };
  } catch (error) {
    return { id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
