import type { State, ThreadStatus } from '../core/types';
import { type LockView, locksWith } from '../core/view/locks';

// The page reads whether a thread can step from the simulation's reply, so the first screen need not load the ops.

const known = new WeakMap<State, readonly ThreadStatus[]>();
let compute: ((s: State, t: number) => ThreadStatus) | null = null;

/** Records the statuses the simulation sent with its states (`statuses[i]` belongs to `states[i]`). */
export function rememberStatuses(states: readonly State[], statuses: readonly (readonly ThreadStatus[])[]): void {
  states.forEach((state, i) => {
    const list = statuses[i];
    if (list) known.set(state, list);
  });
}

/** For states made on the page itself (Side by side, tests): the core's own `threadStatus`, once a chunk has it. */
export function computeStatusesWith(threadStatus: (s: State, t: number) => ThreadStatus): void {
  compute = threadStatus;
}

/**
 * Whether thread `t` of `s` is ready, blocked (and why) or done, as the simulation reported it. A state the
 * simulation did not send, with no computer installed, reads as ready unless done: the step's own check refuses it.
 */
export function threadStatus(s: State, t: number): ThreadStatus {
  const reported = known.get(s)?.[t];
  if (reported) return reported;
  if (compute) return compute(s, t);
  return s.threads[t]?.done === false ? { state: 'ready' } : { state: 'done' };
}

/** The threads that can step now, in thread order. */
export function enabledThreads(s: State): number[] {
  return s.threads.flatMap((_, t) => (threadStatus(s, t).state === 'ready' ? [t] : []));
}

/** The core's lock view, with the waiters read from the reported statuses. */
export function locksOf(s: State): LockView[] {
  return locksWith(s, threadStatus);
}
