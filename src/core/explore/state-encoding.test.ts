import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { replay } from '../index';
import type { State } from '../types';
import { IntWriter } from './int-writer';
import { exploreScenario } from './ringside';
import { decodeState } from './state-decoding';
import { encodeState } from './state-encoding';

const future = (s: State) => ({ ...s, counters: undefined, findings: undefined });

describe('state encoding', () => {
  it('decodes back to the same state, minus counters and findings, along every story', () => {
    const w = new IntWriter(4);
    for (const scenario of builtinScenarios) {
      const { states } = replay(scenario, scenario.story);
      states.forEach((s, depth) => {
        w.reset();
        encodeState(s, w);
        const back = decodeState(scenario, w.buf, 0, w.len, depth);
        expect(future(back)).toEqual(future(s));
        expect(back.time).toBe(s.time);
        expect(back.findings).toEqual([]);
      });
    }
  });

  it('gives the same exploration with decoded frontier states as with the original objects', () => {
    for (const scenario of builtinScenarios.slice(0, 4)) {
      const encoded = exploreScenario(scenario, { maxStates: 50_000 });
      const objects = exploreScenario(scenario, { maxStates: 50_000, objectFrontier: true });
      expect(encoded.states).toBe(objects.states);
      expect(encoded.transitions).toBe(objects.transitions);
      expect(encoded.findings).toEqual(objects.findings);
    }
  });
});
