import { IntWriter } from '../../src/core/explore/engine/int-writer';
import { referenceMachine } from '../../src/core/explore/ringside/ringside';
import type { Scenario, State } from '../../src/core/types';

/**
 * The states of a full search without reduction where no thread can move although some have not finished: each is
 * two states more in Spin, the watchdog's two steps out of it (`timeout`, then `HAZARD(deadlock)`). Exact keys, small
 * models only.
 */
export function stuckStates(scenario: Scenario, maxStates = 200_000): number {
  const machine = referenceMachine(scenario);
  const w = new IntWriter();
  const keyOf = (s: State) => {
    w.reset();
    machine.encode(s, w);
    return w.key();
  };
  const first = machine.init();
  const seen = new Set<string>([keyOf(first)]);
  let frontier: State[] = [first];
  let stuck = 0;
  while (frontier.length > 0) {
    const next: State[] = [];
    for (const state of frontier) {
      const enabled = machine.enabled(state);
      if (enabled.length === 0 && state.threads.some((t) => !t.done)) stuck++;
      for (const t of enabled) {
        const r = machine.step(state, t);
        if (!r.ok) throw new Error(`${scenario.id}: ${r.error}`);
        const key = keyOf(r.state);
        if (seen.has(key)) continue;
        if (seen.size >= maxStates) throw new Error(`${scenario.id}: more than ${maxStates} states`);
        seen.add(key);
        next.push(r.state);
      }
    }
    frontier = next;
  }
  return stuck;
}
