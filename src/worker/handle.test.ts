import { describe, expect, it } from 'vitest';
import { init, replay, step, threadStatus } from '../core';
import type { State } from '../core/types';
import { fixtureScenario } from '../ui/test-fixtures';
import { handle } from './handle';

describe('handle', () => {
  it('answers a step request with the same id and the core’s next state and event', () => {
    const state = init(fixtureScenario);
    const response = handle({ id: 7, type: 'step', state, thread: 0 });
    const expected = step(state, 0);
    if (!expected.ok || response.type !== 'result') throw new Error('expected a result');
    expect(response.id).toBe(7);
    expect(response.states).toEqual([expected.state]);
    expect(response.events).toEqual([expected.event]);
  });

  it('answers a replay request with every snapshot and event', () => {
    const schedule = [0, 0, 1];
    const response = handle({ id: 1, type: 'replay', scenario: fixtureScenario, schedule });
    const expected = replay(fixtureScenario, schedule);
    const statuses = expected.states.map((s) => s.threads.map((_, t) => threadStatus(s, t)));
    expect(response).toEqual({ id: 1, type: 'result', states: expected.states, statuses, events: expected.events });
  });

  it('sends each state’s thread statuses, blocked ones with the core’s reason', () => {
    const response = handle({ id: 2, type: 'replay', scenario: fixtureScenario, schedule: [0, 0, 1, 1, 0] });
    if (response.type !== 'result') throw new Error('expected a result');
    expect(response.statuses).toHaveLength(response.states.length);
    response.states.forEach((s, i) => {
      expect(response.statuses[i]).toEqual(s.threads.map((_, t) => threadStatus(s, t)));
    });
  });

  it('passes the core’s refusal of a step on as an error', () => {
    let state: State = init(fixtureScenario);
    for (let i = 0; i < 40; i++) {
      const next = step(state, 0);
      if (!next.ok) break;
      state = next.state;
    }
    const response = handle({ id: 3, type: 'step', state, thread: 0 });
    expect(response).toMatchObject({ id: 3, type: 'error', message: expect.stringMatching(/finished/) });
  });

  it('keeps the partial replay and reports where an invalid schedule stopped', () => {
    const response = handle({ id: 4, type: 'replay', scenario: fixtureScenario, schedule: [0, 9] });
    if (response.type !== 'result') throw new Error('expected a result');
    expect(response.states).toHaveLength(2);
    expect(response.error).toMatch(/.+/);
  });

  it('answers an unknown request type with an error instead of throwing', () => {
    const response = handle({ id: 5, type: 'nope' } as never);
    expect(response).toMatchObject({ id: 5, type: 'error' });
  });

  it('produces structured-clone-safe answers', () => {
    const response = handle({ id: 6, type: 'replay', scenario: fixtureScenario, schedule: [0, 1, 0] });
    expect(structuredClone(response)).toEqual(response);
  });
});
