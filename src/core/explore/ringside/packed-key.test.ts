import { describe, expect, it } from 'vitest';
import { stress, yardstick } from '../../../../scripts/bench/scenarios';
import { completeBuiltins } from '../../../scenarios';
import { wordKey } from '../../schema/word-key';
import type { Scenario } from '../../types';
import { explore } from '../engine/engine';
import { key64 } from '../engine/hash64';
import type { Machine } from '../engine/machine';
import { packedRingsideMachine } from './packed-machine';
import { expectSameAsReference, matrixVariants } from './same-search.test-util';

/** The packed machine, checking after every step that the key it updated word by word is the key from scratch. */
function checkedKeys(scenario: Scenario): { machine: Machine<Int32Array>; checked: () => number } {
  const machine = packedRingsideMachine(scenario);
  const fromScratch = new Int32Array(2);
  let checked = 0;
  const step: Machine<Int32Array>['step'] = (state, t) => {
    const result = machine.step(state, t);
    if (!result.ok) return result;
    machine.key?.(result.state);
    wordKey(result.state, fromScratch, 0);
    if (key64[0] !== (fromScratch[0] as number) >>> 0 || key64[1] !== (fromScratch[1] as number) >>> 0) {
      throw new Error(`${scenario.id}: the key of the step of thread ${t} is not the key from scratch`);
    }
    checked++;
    return result;
  };
  return { machine: { ...machine, step, ampleSets: machine.ampleSets }, checked: () => checked };
}

describe('the packed machine keys states by the words its steps wrote', () => {
  it('gives every successor the key computed from scratch (every built-in, every matrix cell, a stress slice)', () => {
    for (const scenario of [...completeBuiltins, ...matrixVariants()]) {
      const { machine, checked } = checkedKeys(scenario);
      const r = explore(machine, { por: false });
      expect(checked()).toBe(r.transitions);
    }
    const { machine } = checkedKeys(stress);
    expect(explore(machine, { maxStates: 50_000, por: false }).states).toBe(50_000);
  }, 240_000);

  it('finds the same states, transitions and hazards by key as by exact encodings, with and without the reduction', () => {
    const searches = [{ por: false }, { por: true }, { por: true, chains: false }];
    for (const scenario of completeBuiltins) {
      for (const options of searches) {
        const keyed = explore(packedRingsideMachine(scenario), options);
        const exact = explore(packedRingsideMachine(scenario), { ...options, exact: true });
        expectSameAsReference(keyed, exact);
      }
    }
  }, 240_000);

  it('finds the same states, transitions and hazards by key as by exact encodings in every reduced matrix cell', () => {
    for (const scenario of matrixVariants()) {
      expectSameAsReference(
        explore(packedRingsideMachine(scenario)),
        explore(packedRingsideMachine(scenario), { exact: true }),
      );
    }
  }, 240_000);

  it('encodes only the states it stores, with and without the reduction (a successor seen before is looked up by key)', () => {
    for (const por of [false, true]) {
      const machine = packedRingsideMachine(yardstick);
      let encoded = 0;
      const counted: Machine<Int32Array> = {
        ...machine,
        encode(state, w) {
          encoded++;
          machine.encode(state, w);
        },
      };
      const r = explore(counted, { por });
      expect(r.complete).toBe(true);
      expect(r.transitions).toBeGreaterThan(r.states);
      expect(encoded).toBe(r.states);
    }
  }, 240_000);
});
