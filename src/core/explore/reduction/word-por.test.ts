import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../../scenarios';
import { hasForkThread } from '../../cow-window';
import { MM_KINDS, validateScenario } from '../../index';
import { programsOf } from '../../programs/compile';
import { unpackState } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { init } from '../../world';
import { explore } from '../engine/engine';
import { cellScenario, cellVariants, matrixRows } from '../matrix/matrix';
import { packedRingsideMachine } from '../ringside/packed-machine';
import { dependencyTable } from './por';
import { markNamedFrames, OWN_FRAME_OPS, ownFramesPrivate } from './private-frames';
import { ringsideAmpleSets } from './ringside-por';
import { markNamedFrameWords, ownFrameWordsPrivate, reductionKey, wordAmpleSets } from './word-por';

/** Walks the packed machine's reduced search and lists where the words view disagrees with the object view. */
function disagreements(scenario: Scenario, maxStates: number): string[] {
  const base = packedRingsideMachine(scenario);
  const onWords = wordAmpleSets(scenario);
  const onObjects = ringsideAmpleSets(scenario);
  const s = init(scenario);
  const problems = new Set<string>();
  // All zero, as the words check needs it and leaves it.
  const scratch = new Uint8Array(256);
  const enabled = (w: Int32Array) => {
    const threads = base.enabled(w);
    unpackState(w, s);
    const expected = JSON.stringify(onObjects(s, threads));
    const actual = JSON.stringify(onWords(w, threads));
    if (actual !== expected) problems.add(`ample sets ${actual}, objects ${expected}`);
    for (let t = -1; t < s.threads.length; t++) {
      const fromObjects = new Uint8Array(s.frames.length);
      const fromWords = new Uint8Array(s.frames.length);
      markNamedFrames(s, t, fromObjects);
      markNamedFrameWords(w, t, fromWords);
      if (fromWords.join() !== fromObjects.join()) problems.add(`named frames outside thread ${t} differ`);
      if (t >= 0 && ownFrameWordsPrivate(w, t, scratch) !== ownFramesPrivate(s, t, new Uint8Array(64)))
        problems.add(`thread ${t}'s frames are private on one view only`);
      if (scratch.some((b) => b !== 0)) problems.add('the own-frames check left marks in its scratch');
    }
    return threads;
  };
  const r = explore({ ...base, enabled }, { maxStates });
  expect(r.states).toBeGreaterThan(1);
  return [...problems].slice(0, 5);
}

describe('the reduction on words asks what the reduction on objects asks (word-por.ts)', () => {
  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    'in %s, the words view gives the object view’s ample sets and named frames on every state reached',
    (_id, scenario) => {
      expect(disagreements(scenario, 3_000)).toEqual([]);
    },
    60_000,
  );

  it('in every matrix cell, the same ample sets and named frames', () => {
    const problems = matrixRows().flatMap(({ design, bug }) =>
      MM_KINDS.flatMap((event) => {
        const cell = validateScenario(cellScenario(design, event, bug));
        return cell.ok ? cellVariants(cell.scenario, event).flatMap((v) => disagreements(v, 600)) : [];
      }),
    );
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('searches of equal programs share their reduction (word-por.ts)', () => {
  it('gives equal keys only to scenarios with equal dependency tables and own-frame ops', () => {
    const cells = matrixRows().flatMap(({ design, bug }) =>
      MM_KINDS.flatMap((event) => {
        const cell = validateScenario(cellScenario(design, event, bug));
        return cell.ok ? cellVariants(cell.scenario, event) : [];
      }),
    );
    const derived = new Map<string, string>();
    let shared = 0;
    for (const scenario of [...builtinScenarios, ...cells]) {
      const programs = programsOf(scenario);
      const table = dependencyTable(programs, hasForkThread(scenario), scenario.design);
      const ownFrameOps = programs.map(({ instrs }) => instrs.map((i) => OWN_FRAME_OPS.has(i.op)));
      const what = JSON.stringify(
        [table, ownFrameOps].map((x) =>
          JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v)),
        ),
      );
      const key = reductionKey(scenario);
      if (derived.has(key)) {
        shared++;
        expect(derived.get(key)).toBe(what);
      } else derived.set(key, what);
    }
    // The matrix's cells do repeat programs: the sharing is used.
    expect(shared).toBeGreaterThan(0);
  });
});
