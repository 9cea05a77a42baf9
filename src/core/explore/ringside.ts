import { enabledThreads, init, stepState } from '../index';
import type { Scenario, State } from '../types';
import { explore } from './engine';
import type { Counterexample, ExploreOptions, ExploreResult, Machine } from './machine';
import { decodeState } from './state-decoding';
import { encodeState } from './state-encoding';

/**
 * The Ringside core seen as a machine for the explorer; frontier states are kept encoded and decoded on use.
 * No `stuck` hook: the core's own step reports a deadlock on the step that leaves no thread able to move.
 */
export function ringsideMachine(scenario: Scenario): Machine<State> {
  return {
    init: () => init(scenario),
    enabled: enabledThreads,
    step(state, t) {
      const r = stepState(state, t);
      return r.ok ? { ok: true, state: r.state, findings: r.event.findings } : { ok: false, error: r.error };
    },
    encode: encodeState,
    decode: (buf, start, end, depth) => decodeState(scenario, buf, start, end, depth),
  };
}

export function exploreScenario(scenario: Scenario, options: ExploreOptions = {}): ExploreResult {
  return explore(ringsideMachine(scenario), options);
}

/** The explorer's answer for one scenario, as the CLI prints it. */
export interface ScenarioReport {
  scenario: string;
  states: number;
  transitions: number;
  depth: number;
  ms: number;
  complete: boolean;
  result: string;
  hazards: Counterexample[];
}

export function reportOf(scenario: Scenario, r: ExploreResult): ScenarioReport {
  const bySeverity = (c: Counterexample) => (c.severity === 'hazard' ? 0 : 1);
  return {
    scenario: scenario.id,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    ms: Math.round(r.ms),
    complete: r.complete,
    result: r.message,
    hazards: [...r.findings].sort((a, b) => bySeverity(a) - bySeverity(b) || a.schedule.length - b.schedule.length),
  };
}
