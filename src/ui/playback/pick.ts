import type { State } from '../../core/types';
import { enabledThreads } from '../../worker/statuses';

/**
 * Ringside's deterministic choice: the scenario's story while the schedule so far follows it, else the lowest ready
 * thread; null when no thread can run.
 */
export function pickNextThread(state: State, schedule: readonly number[]): number | null {
  const enabled = enabledThreads(state);
  const { story } = state.scenario;
  const onStory = schedule.length < story.length && schedule.every((thread, i) => story[i] === thread);
  const storyNext = onStory ? story[schedule.length] : undefined;
  if (storyNext !== undefined && enabled.includes(storyNext)) return storyNext;
  return enabled[0] ?? null;
}
