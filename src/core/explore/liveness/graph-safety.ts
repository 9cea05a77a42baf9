import type { Scenario } from '../../types';
import { bytesInWords, counterexampleOf, DEFAULT_MAX_STATES, messageOf } from '../engine/engine';
import type { ExploreOptions, ExploreProgress, ExploreResult, Machine, StepFinding } from '../engine/machine';
import type { ParentLog } from '../engine/parent-log';
import { packedLivenessSteps } from './ringside-liveness';
import type { GraphObserver } from './state-graph';

interface Noted {
  finding: StepFinding;
  /** Steps in the whole schedule; a kind keeps its shortest, the first found among equals (as the engine does). */
  length: number;
  schedule: number[];
}

/**
 * The unreduced safety search and the liveness pass in one walk of the full graph: the liveness pass builds that
 * graph anyway, so the safety search's findings are read off its expansions (the matrix's cells). The result equals
 * `exploreSteps(machine, { por: false })`'s (states, transitions, findings with their shortest schedules), carrying
 * the liveness verdicts, as `runExploration` returns them after its two passes.
 */
export function* safetyWithLivenessSteps(
  scenario: Scenario,
  machine: Machine<Int32Array>,
  options: ExploreOptions = {},
): Generator<ExploreProgress, ExploreResult, void> {
  const found = new Map<string, Noted>();
  const errors: ExploreResult['errors'] = [];
  let deepest = 0;
  const note = (finding: StepFinding, parents: ParentLog, from: number, length: number, thread?: number) => {
    const known = found.get(finding.kind);
    if (known && known.length <= length) return;
    const schedule = parents.schedule(from);
    if (thread !== undefined) schedule.push(thread);
    found.set(finding.kind, { finding, length, schedule });
  };
  const observer: GraphObserver<Int32Array> = {
    stuck(parents, from, depth, state) {
      deepest = Math.max(deepest, depth);
      for (const f of machine.stuck?.(state) ?? []) note(f, parents, from, depth);
    },
    step(parents, from, depth, thread, result) {
      deepest = Math.max(deepest, depth);
      if (!result.ok) errors.push({ schedule: [...parents.schedule(from), thread], error: result.error });
      else for (const f of result.findings) note(f, parents, from, depth + 1, thread);
    },
  };
  const liveness = yield* packedLivenessSteps(scenario, machine, { ...options, observer });
  const { status, states } = liveness;
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const bound =
    states >= maxStates
      ? `the bound of ${maxStates} states`
      : `the memory bound of ${bytesInWords(options.maxStoreBytes ?? 0)}`;
  return {
    status,
    complete: status === 'complete',
    message: messageOf(status, states, bound, false),
    reduced: false,
    states,
    transitions: liveness.transitions,
    // The deepest level expanded, which is the deepest level stored once every state was expanded.
    depth: status === 'complete' ? deepest : deepest + 1,
    ms: liveness.ms,
    findings: [...found.values()].map(({ finding, schedule }) => counterexampleOf(finding, schedule)),
    errors,
    storeBytes: liveness.bytes,
    liveness,
  };
}
