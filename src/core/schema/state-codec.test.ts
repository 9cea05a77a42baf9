import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { exploreScenario } from '../explore/ringside/ringside';

describe('the encoded frontier', () => {
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
