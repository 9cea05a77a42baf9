import { hasForkThread } from '../../cow-window';
import { programsOf } from '../../programs/compile';
import type { Scenario, State } from '../../types';
import { ampleCandidates, dependencyTable, type ThreadsView } from './por';

/** The `ampleSets` hook of a Ringside machine: the partial-order reduction's candidates (docs/partial-order.md). */
export function ringsideAmpleSets(
  scenario: Scenario,
): (state: State, enabled: readonly number[]) => readonly (readonly number[])[] {
  const table = dependencyTable(programsOf(scenario), hasForkThread(scenario), scenario.design);
  // One view, pointed at the state being asked about: the search calls this once per expanded state.
  let threads: State['threads'] = [];
  const view: ThreadsView = {
    get length() {
      return threads.length;
    },
    pc: (t) => threads[t]?.pc ?? 0,
    done: (t) => threads[t]?.done ?? true,
  };
  return (state, enabled) => {
    threads = state.threads;
    return ampleCandidates(table, view, enabled);
  };
}
