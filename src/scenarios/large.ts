import { type Scenario, validateScenario } from '../core';
import kmapSeqLarge from './large/kmap-seq-large.json';

/**
 * Scenarios past the browser's state bound, for Spin (docs/spin.md): the CLI knows them by id; they stay out of
 * `builtinScenarios`, whose every member the test suite explores to completion.
 */
export const largeScenarios: readonly Scenario[] = [kmapSeqLarge].map((json) => {
  const valid = validateScenario(json);
  if (!valid.ok) throw new Error(`invalid large scenario: ${valid.errors.join(' ')}`);
  return valid.scenario;
});
