import { describe, expect, it, vi } from 'vitest';
import type { State } from '../core/types';
import { fixtureEvent, fixtureInitial } from '../ui/test-fixtures';
import type { SimClient, SimResult } from './client';
import { createPrefetchingClient } from './prefetch';

const after = (state: State, thread: number): State => ({ ...state, time: state.time + 1 + thread * 100 });

function fakeInner() {
  const result = (states: State[], threads: number[]): SimResult => ({
    id: 0,
    type: 'result',
    states,
    statuses: states.map(() => []),
    events: threads.map((thread, step) => fixtureEvent({ step, thread })),
  });
  const inner = {
    runsOnMainThread: true,
    step: vi.fn(async (state: State, thread: number) => result([after(state, thread)], [thread])),
    replay: vi.fn(async (_scenario: unknown, schedule: number[]) => {
      const states = [fixtureInitial];
      for (const thread of schedule) states.push(after(states.at(-1) as State, thread));
      return result(states, schedule);
    }),
    explore: vi.fn(),
    terminate: vi.fn(),
  };
  return inner as typeof inner & SimClient;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('prefetching client', () => {
  it('computes the picked next step after each answer and hands it over without asking again', async () => {
    const inner = fakeInner();
    const pick = vi.fn((_state: State, schedule: readonly number[]) => (schedule.length < 3 ? 1 : null));
    const client = createPrefetchingClient(inner, pick);
    const loaded = await client.replay(fixtureInitial.scenario, [0]);
    await settle();
    expect(pick).toHaveBeenLastCalledWith(loaded.states[1], [0]);
    expect(inner.step).toHaveBeenCalledTimes(1);

    const first = await client.step(loaded.states[1] as State, 1);
    expect(first.states[0]?.time).toBe(102);
    await settle();
    // One new request: the step after `first`, not the one just handed over.
    expect(inner.step).toHaveBeenCalledTimes(2);
    expect(inner.step).toHaveBeenLastCalledWith(first.states[0], 1);
    expect(pick).toHaveBeenLastCalledWith(first.states[0], [0, 1]);

    const second = await client.step(first.states[0] as State, 1);
    await settle();
    expect(pick).toHaveBeenLastCalledWith(second.states[0], [0, 1, 1]);
    expect(inner.step).toHaveBeenCalledTimes(2);
  });

  it('asks the simulation when another thread is chosen, and never prefetches past a failed answer', async () => {
    const inner = fakeInner();
    const client = createPrefetchingClient(inner, () => 1);
    const loaded = await client.replay(fixtureInitial.scenario, []);
    await settle();
    const other = await client.step(loaded.states[0] as State, 0);
    expect(inner.step.mock.calls[1]).toEqual([loaded.states[0], 0]);
    expect(other.states[0]?.time).toBe(1);

    await settle();
    expect(inner.step).toHaveBeenCalledTimes(3);
    inner.replay.mockResolvedValueOnce({
      id: 0,
      type: 'result',
      states: [],
      statuses: [],
      events: [],
      error: 'bad link',
    });
    await client.replay(fixtureInitial.scenario, [9]);
    await settle();
    expect(inner.step).toHaveBeenCalledTimes(3);
  });
});
