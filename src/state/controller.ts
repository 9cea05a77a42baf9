import type { State } from '../core/types';
import type { SimClient, SimResult } from '../worker/client';
import type { AppStoreApi } from './store';
import { HOLD_MESSAGE, visibleLimit } from './tour-slice';

/** Chooses the thread to run next at the end of the history, or null when none can run. */
export type PickThread = (state: State, schedule: number[]) => number | null;

/** Turns user choices into simulation requests and appends the answers to the store, one request at a time. */
export interface Controller {
  loadScenario: (id: string, schedule?: number[]) => Promise<void>;
  chooseThread: (thread: number) => Promise<void>;
  /** Re-runs the recorded future when there is one, else lets `pick` choose; false when nothing can run. */
  stepForward: () => Promise<boolean>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createController(store: AppStoreApi, client: SimClient, pick: PickThread): Controller {
  let queue: Promise<unknown> = Promise.resolve();

  const request = async (send: () => Promise<SimResult>): Promise<SimResult | null> => {
    const ui = store.getState();
    ui.beginRequest();
    try {
      const result = await send();
      ui.clearError();
      if (result.error) store.getState().showError(result.error);
      return result;
    } catch (error) {
      store.getState().showError(messageOf(error));
      return null;
    } finally {
      store.getState().endRequest();
    }
  };
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  const runThread = async (thread: number) => {
    const s = store.getState();
    const current = s.states[s.index];
    if (!current) return;
    // A waiting prediction's answer is whatever runs next, so no thread runs until it is answered or skipped.
    if (visibleLimit(s, Number.POSITIVE_INFINITY) <= s.index) return s.showError(HOLD_MESSAGE);
    if (s.index < s.events.length && s.schedule[s.index] === thread) return s.stepForward();
    const { run, index } = s;
    const result = await request(() => client.step(current, thread));
    if (result && store.getState().run === run) store.getState().appendSteps(index, result.states, result.events);
  };

  return {
    loadScenario: (id, schedule = []) =>
      serially(async () => {
        const s = store.getState();
        s.selectScenario(id);
        const scenario = store.getState().scenarios.find((candidate) => candidate.id === id);
        if (!scenario) return s.showError(`Unknown scenario: ${id}`);
        const result = await request(() => client.replay(scenario, schedule));
        if (result) store.getState().loadRun(result.states, result.events);
      }),
    chooseThread: (thread) => serially(() => runThread(thread)),
    stepForward: () =>
      serially(async () => {
        const s = store.getState();
        if (s.index < s.events.length) {
          s.stepForward();
          return true;
        }
        const current = s.states[s.index];
        const thread = current ? pick(current, s.schedule) : null;
        if (thread === null) return false;
        await runThread(thread);
        return true;
      }),
  };
}
