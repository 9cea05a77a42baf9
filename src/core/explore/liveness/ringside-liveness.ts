import { programsOf } from '../../programs/compile';
import { W } from '../../schema/state-words';
import { step, threadNames } from '../../step';
import type { Scenario, State } from '../../types';
import { init } from '../../world';
import type { ExploreOptions, ExploreProgress, Machine } from '../engine/machine';
import { type Lasso, type LivenessAnswer, type LivenessResult, livenessSteps } from './liveness';
import type { GraphOptions, ProgressSpec } from './state-graph';

/** The vhost worker is always thread 0 (`programsOf`). */
const VHOST = 0;

/**
 * Progress is what the guest can observe of the worker: a step of the vhost worker that publishes used.idx,
 * completes a round, or finishes its last round. Once the worker has finished, every step counts as progress
 * (nothing is owed any more). Taking steps, calling gup_fast or retrying is not progress.
 */
export const vhostProgress: ProgressSpec<State> = {
  progress(from, t, to) {
    const before = from.threads[VHOST];
    const after = to.threads[VHOST];
    if (!before || !after || before.done) return true;
    if (t !== VHOST) return false;
    return after.done || after.locals.round > before.locals.round || to.published > from.published;
  },
};

/** `vhostProgress` on a state held as words (the packed machine's). */
export const wordProgress: ProgressSpec<Int32Array> = {
  progress(from, t, to) {
    if (W.threads.done.get(from, VHOST)) return true;
    if (t !== VHOST) return false;
    return (
      W.threads.done.get(to, VHOST) ||
      W.threads.locals.round.get(to, VHOST) > W.threads.locals.round.get(from, VHOST) ||
      W.published.get(to) > W.published.get(from)
    );
  },
};

/** The liveness pass over `machine` (the scenario's `ringsideMachine`), with messages that name the threads. */
export function scenarioLivenessSteps(
  scenario: Scenario,
  machine: Machine<State>,
  options: ExploreOptions = {},
): Generator<ExploreProgress, LivenessResult, void> {
  return describedSteps(scenario, livenessSteps(machine, vhostProgress, options));
}

/** The same pass over the packed machine (`searchMachine`), whose states are words. */
export function packedLivenessSteps(
  scenario: Scenario,
  machine: Machine<Int32Array>,
  options: GraphOptions<Int32Array> = {},
): Generator<ExploreProgress, LivenessResult, void> {
  return describedSteps(scenario, livenessSteps(machine, wordProgress, options));
}

function* describedSteps(
  scenario: Scenario,
  steps: Generator<ExploreProgress, LivenessResult, void>,
): Generator<ExploreProgress, LivenessResult, void> {
  const result = yield* steps;
  return {
    ...result,
    noFairness: described(scenario, result.noFairness, 'no fairness'),
    weakFairness: described(scenario, result.weakFairness, 'weak fairness'),
  };
}

export function checkScenarioLiveness(
  scenario: Scenario,
  machine: Machine<State> | Machine<Int32Array>,
  options: ExploreOptions = {},
): LivenessResult {
  const run = isPacked(machine)
    ? packedLivenessSteps(scenario, machine, options)
    : scenarioLivenessSteps(scenario, machine, options);
  let r = run.next();
  while (!r.done) r = run.next();
  return r.value;
}

function isPacked(machine: Machine<State> | Machine<Int32Array>): machine is Machine<Int32Array> {
  return machine.init() instanceof Int32Array;
}

/** What one turn of a lasso's loop does: the steps it takes and the retries they count. */
export function loopSummary(scenario: Scenario, lasso: Lasso): { ops: string[]; retries: number } {
  let state = init(scenario);
  for (const t of lasso.prefix) {
    const r = step(state, t);
    if (!r.ok) return { ops: [], retries: 0 };
    state = r.state;
  }
  const ops: string[] = [];
  let retries = 0;
  for (const t of lasso.loop) {
    const r = step(state, t);
    if (!r.ok) break;
    ops.push(`${threadNames(scenario)[t] ?? t}: ${r.event.instr.fn}`);
    retries += r.event.cost.retries;
    state = r.state;
  }
  return { ops, retries };
}

const redoes = (n: number) =>
  n === 0 ? 'makes no retry yet no progress' : `redoes gup_fast ${n === 1 ? 'once' : `${n} times`} per turn`;

function described(scenario: Scenario, answer: LivenessAnswer, fairness: string): LivenessAnswer {
  const names = threadNames(scenario);
  const list = (ts: number[]) => ts.map((t) => names[t] ?? `thread ${t}`).join(', ');
  if (answer.verdict === 'live') {
    return {
      ...answer,
      message:
        fairness === 'no fairness'
          ? 'Live: every cycle of states includes a step where the vhost worker publishes used.idx or completes a round.'
          : 'Live under weak fairness: a cycle without progress exists only if a thread that could always step never does.',
    };
  }
  if (answer.verdict === 'unknown' || !answer.lasso) return answer;
  const { lasso } = answer;
  const summary = loopSummary(scenario, lasso);
  const vhostStuck = programsOf(scenario)[VHOST]?.name ?? 'the vhost worker';
  const neglect =
    lasso.neglected.length > 0
      ? ` ${list(lasso.neglected)} could step at every point of the loop and never does: only an unfair scheduler runs this forever.`
      : ' Every thread that could step throughout the loop does step in it: a fair scheduler can run it forever.';
  return {
    ...answer,
    message:
      `After ${lasso.prefix.length} steps, a loop of ${lasso.loop.length} steps (${list(lasso.stepping)}) returns to the ` +
      `same state with no progress: ${vhostStuck} ${redoes(summary.retries)} and never publishes used.idx.${neglect}`,
  };
}
