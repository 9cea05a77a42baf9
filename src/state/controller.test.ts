import { describe, expect, it, vi } from 'vitest';
import type { State } from '../core/types';
import { fixtureEvent, fixtureInitial, fixtureScenario } from '../ui/test-fixtures';
import type { SimClient } from '../worker/client';
import { createController } from './controller';
import { createAppStore } from './store';

/** A fake simulation: every step advances `time` and records which thread ran. */
function fakeClient(): SimClient & { step: ReturnType<typeof vi.fn> } {
  const after = (state: State, thread: number) => ({ ...state, time: state.time + 1 + thread * 100 });
  return {
    runsOnMainThread: true,
    step: vi.fn(async (state: State, thread: number) => ({
      id: 0,
      type: 'result' as const,
      states: [after(state, thread)],
      statuses: [[]],
      events: [fixtureEvent({ step: state.time, thread })],
    })),
    replay: vi.fn(async (_scenario, schedule: number[]) => {
      const states = [fixtureInitial];
      for (const thread of schedule) states.push(after(states[states.length - 1] as State, thread));
      const events = schedule.map((thread, step) => fixtureEvent({ step, thread }));
      return { id: 0, type: 'result' as const, states, statuses: states.map(() => []), events };
    }),
    explore: vi.fn(),
    terminate: vi.fn(),
  };
}

function setup(pick = () => 1 as number | null) {
  const store = createAppStore();
  store.getState().setScenarios([fixtureScenario], fixtureScenario.id);
  const client = fakeClient();
  return { store, client, controller: createController(store, client, pick) };
}

describe('controller', () => {
  it('loads a scenario through replay', async () => {
    const { store, controller } = setup();
    await controller.loadScenario(fixtureScenario.id, [0, 1]);
    expect(store.getState().states).toHaveLength(3);
    expect(store.getState().index).toBe(0);
  });

  it('reports an unknown scenario as an error', async () => {
    const { store, controller } = setup();
    await controller.loadScenario('missing');
    expect(store.getState().error).toMatch(/Unknown scenario/);
  });

  it('appends the chosen step at the end of the history', async () => {
    const { store, controller } = setup();
    await controller.loadScenario(fixtureScenario.id);
    await controller.chooseThread(0);
    await controller.chooseThread(1);
    expect(store.getState().schedule).toEqual([0, 1]);
    expect(store.getState().index).toBe(2);
  });

  it('re-runs the recorded step when the same thread is chosen, and truncates when another is', async () => {
    const { store, client, controller } = setup();
    await controller.loadScenario(fixtureScenario.id, [0, 1, 0]);
    await controller.chooseThread(0);
    expect(client.step).not.toHaveBeenCalled();
    expect(store.getState().index).toBe(1);
    await controller.chooseThread(0);
    expect(client.step).toHaveBeenCalledTimes(1);
    expect(store.getState().schedule).toEqual([0, 0]);
  });

  it('steps forward along the recorded future, then asks pick at the end', async () => {
    const pick = vi.fn(() => 1);
    const { store, client, controller } = setup(pick);
    await controller.loadScenario(fixtureScenario.id, [0]);
    expect(await controller.stepForward()).toBe(true);
    expect(pick).not.toHaveBeenCalled();
    expect(await controller.stepForward()).toBe(true);
    expect(client.step).toHaveBeenCalledWith(expect.anything(), 1);
    expect(store.getState().schedule).toEqual([0, 1]);
  });

  it('returns false when no thread can run', async () => {
    const { controller } = setup(() => null);
    await controller.loadScenario(fixtureScenario.id);
    expect(await controller.stepForward()).toBe(false);
  });

  it('shows a rejected step as an error and keeps the history', async () => {
    const { store, client, controller } = setup();
    await controller.loadScenario(fixtureScenario.id);
    client.step.mockRejectedValueOnce(new Error('thread 1 is blocked'));
    await controller.chooseThread(1);
    expect(store.getState().error).toBe('thread 1 is blocked');
    expect(store.getState().states).toHaveLength(1);
  });

  it('drops an answer that arrives after another scenario run was loaded', async () => {
    const { store, client, controller } = setup();
    await controller.loadScenario(fixtureScenario.id);
    let release: () => void = () => {};
    client.step.mockImplementationOnce(
      (state: State) =>
        new Promise((resolve) => {
          release = () => resolve({ id: 0, type: 'result', states: [state], events: [fixtureEvent()] });
        }),
    );
    const choice = controller.chooseThread(0);
    await Promise.resolve();
    store.getState().loadRun([fixtureInitial], []);
    release();
    await choice;
    expect(store.getState().states).toHaveLength(1);
  });
});
