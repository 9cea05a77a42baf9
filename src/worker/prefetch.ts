import type { State } from '../core/types';
import type { SimClient, SimResult } from './client';

/** Chooses the thread that would run after `state`, given the schedule that led to it; null when none can. */
export type PickNext = (state: State, schedule: readonly number[]) => number | null;

const ignore = () => undefined;

/**
 * Computes the one step the stepper will most likely ask for next as soon as the previous answer arrives, so that
 * "Step forward" finds its answer waiting. Answers are keyed by the very State object they start from, and only
 * one step is ever computed ahead.
 */
export function createPrefetchingClient(inner: SimClient, pick: PickNext): SimClient {
  const schedules = new WeakMap<State, readonly number[]>();
  const ahead = new WeakMap<State, { thread: number; answer: Promise<SimResult> }>();

  /** `offset` is 0 for a replay (states[0] is the start) and 1 for a step (states[0] follows events[0]). */
  const record = (result: SimResult, from: readonly number[], offset: 0 | 1) => {
    if (result.error) return;
    result.states.forEach((state, i) => {
      schedules.set(state, [...from, ...result.events.slice(0, i + offset).map((e) => e.thread)]);
    });
  };

  const prefetchAfter = (result: SimResult) => {
    const last = result.states.at(-1);
    const schedule = last ? schedules.get(last) : undefined;
    if (result.error || !last || !schedule) return;
    const thread = pick(last, schedule);
    if (thread === null) return;
    const answer = inner.step(last, thread);
    answer.then((next) => record(next, schedule, 1), ignore);
    ahead.set(last, { thread, answer });
  };

  return {
    get runsOnMainThread() {
      return inner.runsOnMainThread;
    },
    step(state, thread) {
      const cached = ahead.get(state);
      ahead.delete(state);
      const answer = cached?.thread === thread ? cached.answer : inner.step(state, thread);
      if (answer !== cached?.answer) answer.then((result) => record(result, schedules.get(state) ?? [], 1), ignore);
      answer.then(prefetchAfter, ignore);
      return answer;
    },
    replay(scenario, schedule) {
      const answer = inner.replay(scenario, schedule);
      answer.then((result) => {
        record(result, [], 0);
        prefetchAfter(result);
      }, ignore);
      return answer;
    },
    explore: (call) => inner.explore(call),
    terminate: () => inner.terminate(),
  };
}
