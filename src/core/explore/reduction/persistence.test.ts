import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../../scenarios';
import { hasForkThread } from '../../cow-window';
import { enabledThreads, step, validateScenario } from '../../index';
import { programsOf } from '../../programs/compile';
import { cloneState, encodeState } from '../../schema/state-codec';
import type { Scenario, State } from '../../types';
import { explore } from '../engine/engine';
import { IntWriter } from '../engine/int-writer';
import { cellScenario, cellVariants } from '../matrix/matrix';
import { ringsideMachine } from '../ringside/ringside';
import { dependencyTable, persistentThreads, type ThreadsView } from './por';
import { OWN_FRAME_OPS, ownFramesPrivate } from './private-frames';

const key = (s: State) => {
  const w = new IntWriter();
  encodeState(s, w);
  return w.key();
};

/** A small deterministic generator (mulberry32), so a failure names the same walk every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Checks the definition of a persistent set on real steps: from `s`, walks of threads outside the set grown from each
 * enabled thread never enable or disable a step inside it, and each inside step commutes with the whole walk.
 */
function persistenceViolations(scenario: Scenario, s: State, next: () => number): string[] {
  const programs = programsOf(scenario);
  const table = dependencyTable(programs, hasForkThread(scenario), scenario.design);
  const scratch = new Uint8Array(8);
  const view: ThreadsView = {
    length: s.threads.length,
    pc: (t) => s.threads[t]?.pc ?? 0,
    done: (t) => s.threads[t]?.done ?? true,
    ownFrames(t) {
      const op = programs[t]?.instrs[s.threads[t]?.pc ?? -1]?.op;
      return op !== undefined && OWN_FRAME_OPS.has(op) && ownFramesPrivate(s, t, scratch);
    },
  };
  const problems: string[] = [];
  const enabled = enabledThreads(s);
  for (const t of enabled) {
    const inside = persistentThreads(table, view, t);
    if (inside === (1 << s.threads.length) - 1) continue;
    for (let walk = 0; walk < 2; walk++) {
      let at = s;
      const path: number[] = [];
      for (let k = 0; k < 6; k++) {
        const outside = enabledThreads(at).filter((u) => !(inside & (1 << u)));
        const u = outside[Math.floor(next() * outside.length)];
        if (u === undefined) break;
        const r = step(at, u);
        if (!r.ok) break;
        at = r.state;
        path.push(u);
        for (const v of enabled) {
          if (!(inside & (1 << v))) continue;
          const name = `${programs[v]?.instrs[s.threads[v]?.pc ?? 0]?.op} of thread ${v} after [${path}]`;
          if (!enabledThreads(at).includes(v)) {
            problems.push(`${name}: disabled`);
            continue;
          }
          // v first, then the same walk: the walk stays possible and ends where v after the walk does.
          let swapped = step(s, v);
          for (const w of path) swapped = swapped.ok ? step(swapped.state, w) : swapped;
          const after = step(at, v);
          if (!swapped.ok || !after.ok || key(swapped.state) !== key(after.state)) problems.push(`${name}: no diamond`);
        }
      }
    }
  }
  return problems;
}

/** The first `count` states of `scenario`'s search, copied (the fast machine reuses its state objects). */
function someStates(scenario: Scenario, count: number): State[] {
  const states: State[] = [];
  const base = ringsideMachine(scenario);
  explore(
    {
      ...base,
      enabled(s) {
        states.push(cloneState(s));
        return base.enabled(s);
      },
    },
    { maxStates: count },
  );
  return states;
}

/** Built-ins with two or more mm threads, and the set-vring-addr cell (vhost, the ioctl and munmap). */
const threeThreads = builtinScenarios.filter((s) => s.mm.length >= 2);
const setVringAddr = (() => {
  const cell = validateScenario(cellScenario('kmap-seq', 'set-vring-addr', null));
  return cell.ok ? cellVariants(cell.scenario, 'set-vring-addr') : [];
})();

describe('persistent sets on real steps (docs/partial-order.md, C1)', () => {
  it.each([...threeThreads, ...setVringAddr].map((s) => [s.id, s] as const))(
    'in %s, every set grown from an enabled thread is persistent along walks of the other threads',
    (_id, scenario) => {
      const next = random(20);
      const problems = someStates(scenario, 400).flatMap((s) => persistenceViolations(scenario, s, next));
      expect(problems.slice(0, 5)).toEqual([]);
    },
    60_000,
  );
});
