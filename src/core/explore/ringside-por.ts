import { programsOf } from '../programs/compile';
import type { Scenario, State } from '../types';
import { dependencyTable, soloThreads, type ThreadsView } from './por';

/** The `soloSteps` hook of a Ringside machine: the partial-order reduction's candidates (docs/partial-order.md). */
export function ringsideSoloSteps(scenario: Scenario): (state: State, enabled: readonly number[]) => readonly number[] {
  const table = dependencyTable(
    programsOf(scenario),
    scenario.mm.some((m) => m.kind === 'fork'),
  );
  return (state, enabled) => soloThreads(table, threadsView(state), enabled);
}

function threadsView(state: State): ThreadsView {
  const threads = state.threads;
  return {
    length: threads.length,
    pc: (t) => threads[t]?.pc ?? 0,
    done: (t) => threads[t]?.done ?? true,
  };
}
