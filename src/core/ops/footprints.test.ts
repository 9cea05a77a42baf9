import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { hasForkThread } from '../cow-window';
import { explore } from '../explore/engine/engine';
import { cellScenario, cellVariants, matrixRows } from '../explore/matrix/matrix';
import { ringsideMachine } from '../explore/ringside/ringside';
import { MM_KINDS, validateScenario } from '../index';
import { programsOf } from '../programs/compile';
import type { Scenario, State } from '../types';
import { touchedByBlocked, touchedByRun } from './footprint-recorder.test-util';
import { COW_WINDOW_READERS, DESIGN_FOOTPRINTS, FOOTPRINTS, footprintOf, type StatePart } from './footprints';
import { OPS } from './index';

const STATES_PER_SCENARIO = 1_500;
/** Matrix cells are many and small: their first states already run every op of their programs. */
const STATES_PER_CELL = 600;

/** Explores `scenario` and records, for every state, what each thread's blocked check and enabled op touch. */
function undeclaredTouches(scenario: Scenario, maxStates = STATES_PER_SCENARIO): string[] {
  const problems = new Set<string>();
  const base = ringsideMachine(scenario);
  const forked = hasForkThread(scenario);
  const check = (s: State) => {
    for (let t = 0; t < s.threads.length; t++) {
      const th = s.threads[t];
      const op = programsOf(scenario)[t]?.instrs[th?.pc ?? -1]?.op;
      if (!th || th.done || !op) continue;
      // What the reduction assumes for this scenario: the design's own footprint where it has one.
      const declared = footprintOf(op, scenario.design);
      const forkReads = forked && COW_WINDOW_READERS.has(op) ? ['threads'] : [];
      const { touched, blocked } = touchedByBlocked(s, t);
      // The wording of a reason (who holds the lock) may name another thread; whether it blocks may not.
      if (blocked) touched.reads.delete('threads');
      const run = blocked ? { reads: new Set<StatePart>(), writes: new Set<StatePart>() } : touchedByRun(s, t);
      for (const part of [...touched.reads, ...run.reads]) {
        if (!declared?.reads.includes(part) && !forkReads.includes(part)) problems.add(`${op} reads ${part}`);
      }
      for (const part of [...touched.writes, ...run.writes]) {
        if (!declared?.writes.includes(part)) problems.add(`${op} writes ${part}`);
      }
    }
  };
  explore(
    {
      ...base,
      enabled(s) {
        check(s);
        return base.enabled(s);
      },
    },
    { maxStates },
  );
  return [...problems].sort();
}

function matrixScenarios(): Scenario[] {
  return matrixRows().flatMap(({ design, bug }) =>
    MM_KINDS.flatMap((event) => {
      const cell = cellScenario(design, event, bug);
      return validateScenario(cell).ok ? cellVariants(cell, event) : [];
    }),
  );
}

describe('op footprints', () => {
  it('list every op', () => {
    expect(Object.keys(OPS).filter((op) => !(op in FOOTPRINTS))).toEqual([]);
    expect(Object.keys(FOOTPRINTS).filter((op) => !(op in OPS))).toEqual([]);
  });

  it('narrow the footprint over every design, never widen it', () => {
    for (const [design, ops] of Object.entries(DESIGN_FOOTPRINTS)) {
      for (const [op, narrow] of Object.entries(ops ?? {})) {
        const wide = FOOTPRINTS[op as keyof typeof FOOTPRINTS];
        expect(
          narrow.reads.filter((p) => !wide.reads.includes(p)),
          `${design} ${op}`,
        ).toEqual([]);
        expect(
          narrow.writes.filter((p) => !wide.writes.includes(p)),
          `${design} ${op}`,
        ).toEqual([]);
      }
    }
  });

  it.each(builtinScenarios.map((s) => [s.id, s] as const))('cover what the ops touch in %s', (_id, scenario) => {
    expect(undeclaredTouches(scenario)).toEqual([]);
  });

  it('cover what the ops touch in every matrix cell', () => {
    const problems = new Set(matrixScenarios().flatMap((s) => undeclaredTouches(s, STATES_PER_CELL)));
    expect([...problems].sort()).toEqual([]);
  }, 120_000);
});
