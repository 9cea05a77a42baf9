import { hasForkThread } from '../../cow-window';
import { programsOf } from '../../programs/compile';
import type { Scenario, State } from '../../types';
import { ampleCandidates, dependencyTable, type ThreadsView } from './por';
import { OWN_FRAME_OPS, ownFramesPrivate } from './private-frames';

/** The `ampleSets` hook of a Ringside machine: the partial-order reduction's candidates (docs/partial-order.md). */
export function ringsideAmpleSets(
  scenario: Scenario,
): (state: State, enabled: readonly number[], firstOnly?: boolean) => readonly (readonly number[])[] {
  const programs = programsOf(scenario);
  const table = dependencyTable(programs, hasForkThread(scenario), scenario.design);
  const ownFrameOp = programs.map(({ instrs }) => instrs.map((i) => OWN_FRAME_OPS.has(i.op)));
  const scratch = new Uint8Array(64);
  let state: State | undefined;
  // One view, pointed at the state being asked about: the search calls this once per expanded state.
  let threads: State['threads'] = [];
  const view: ThreadsView = {
    get length() {
      return threads.length;
    },
    pc: (t) => threads[t]?.pc ?? 0,
    done: (t) => threads[t]?.done ?? true,
    ownFrames: (t) =>
      state !== undefined && (ownFrameOp[t]?.[threads[t]?.pc ?? -1] ?? false) && ownFramesPrivate(state, t, scratch),
  };
  return (s, enabled, firstOnly) => {
    state = s;
    threads = s.threads;
    return ampleCandidates(table, view, enabled, firstOnly);
  };
}
