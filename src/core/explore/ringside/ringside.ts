import { enabledThreads, init, replay, stepState } from '../../index';
import { decodeState, encodeState } from '../../schema/state-codec';
import type { Scenario, State } from '../../types';
import { explore } from '../engine/engine';
import type { Counterexample, ExploreOptions, ExploreResult, Machine } from '../engine/machine';
import type { LivenessAnswer } from '../liveness/liveness';
import { checkScenarioLiveness, loopSummary } from '../liveness/ringside-liveness';
import { ringsideAmpleSets } from '../reduction/ringside-por';
import { fastRingsideMachine } from './fast-machine';
import { packedRingsideMachine } from './packed-machine';

/** The explorer's machine on objects (in-place steps, no narration, one ready mask per state): liveness, the tour. */
export const ringsideMachine: (scenario: Scenario) => Machine<State> = fastRingsideMachine;

/** The safety search's machine: states held as words in the schema's fixed layout (`packed-machine.ts`). */
export const searchMachine: (scenario: Scenario) => Machine<Int32Array> = packedRingsideMachine;

/**
 * The readable reference: the stepper's own `stepState` (a clone, narration, a diff-free event) on fresh objects.
 * No `stuck` hook: the core's own step reports a deadlock on the step that leaves no thread able to move.
 */
export function referenceMachine(scenario: Scenario): Machine<State> {
  return {
    init: () => init(scenario),
    enabled: enabledThreads,
    step(state, t) {
      const r = stepState(state, t);
      return r.ok ? { ok: true, state: r.state, findings: r.event.findings } : { ok: false, error: r.error };
    },
    encode: encodeState,
    decode: (buf, start, end, depth) => decodeState(scenario, buf, start, end, depth),
    ampleSets: ringsideAmpleSets(scenario),
  };
}

export interface ScenarioExploreOptions extends ExploreOptions {
  /** Also run the liveness pass (a second, equally bounded search) and attach its verdicts. */
  liveness?: boolean;
}

export function exploreScenario(scenario: Scenario, options: ScenarioExploreOptions = {}): ExploreResult {
  const { liveness, ...bounds } = options;
  // Object frontiers keep each step's result, which the fast machines reuse: they need the reference machine.
  const safety = options.objectFrontier
    ? explore(referenceMachine(scenario), bounds)
    : explore(searchMachine(scenario), bounds);
  if (!liveness) return safety;
  const machine = options.objectFrontier ? referenceMachine(scenario) : searchMachine(scenario);
  return { ...safety, liveness: checkScenarioLiveness(scenario, machine, bounds) };
}

/** The explorer's answer for one scenario, as the CLI prints it. */
export interface ScenarioReport {
  scenario: string;
  states: number;
  transitions: number;
  depth: number;
  ms: number;
  complete: boolean;
  /** Partial-order reduction was on (the default; `--no-por` turns it off). */
  por: boolean;
  result: string;
  /** Each finding kind's shortest schedule, with the gup_fast retries taken along it. */
  hazards: (Counterexample & { retries: number })[];
  liveness?: LivenessReport;
}

/** One liveness verdict; a violated one carries its lasso: `prefix`, then `loop` forever. */
export interface VerdictReport {
  verdict: LivenessAnswer['verdict'];
  message: string;
  prefix?: number[];
  loop?: number[];
  retriesPerLoop?: number;
}

export interface LivenessReport {
  states: number;
  ms: number;
  complete: boolean;
  noFairness: VerdictReport;
  weakFairness: VerdictReport;
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
    por: r.reduced,
    result: r.message,
    hazards: [...r.findings]
      .sort((a, b) => bySeverity(a) - bySeverity(b) || a.schedule.length - b.schedule.length)
      .map((c) => ({ ...c, retries: retriesOn(scenario, c.schedule) })),
    ...(r.liveness
      ? {
          liveness: {
            states: r.liveness.states,
            ms: Math.round(r.liveness.ms),
            complete: r.liveness.complete,
            noFairness: verdictReport(scenario, r.liveness.noFairness),
            weakFairness: verdictReport(scenario, r.liveness.weakFairness),
          },
        }
      : {}),
  };
}

function retriesOn(scenario: Scenario, schedule: readonly number[]): number {
  return replay(scenario, schedule).states.at(-1)?.counters.retries ?? 0;
}

function verdictReport(scenario: Scenario, answer: LivenessAnswer): VerdictReport {
  const { verdict, message, lasso } = answer;
  if (!lasso) return { verdict, message };
  const retriesPerLoop = loopSummary(scenario, lasso).retries;
  return { verdict, message, prefix: lasso.prefix, loop: lasso.loop, retriesPerLoop };
}
