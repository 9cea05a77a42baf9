import { BUG_DESIGNS, enabledThreads, init, step, threadStatus, validateScenario } from '../../core';
import type { DesignId, Scenario, State } from '../../core/types';
import { computeStatusesWith } from '../../worker/statuses';

// The pictures of these states are drawn from states made here, not sent by the simulation with their statuses.
computeStatusesWith(threadStatus);

/** Bounds the vhost steps run to catch up, so a design that never reaches the same progress still ends. */
const CATCH_UP_LIMIT = 400;

export interface Checkpoint {
  a: State;
  b: State;
  /** Which mm step this is (the start and the end have none). */
  label: string;
}

/**
 * The scenario with another design: same backing, mm events and ring; bug switches the design lacks are dropped,
 * and all of them when `keepBugs` is false (the design as published).
 */
export function withDesign(scenario: Scenario, design: DesignId, keepBugs = true): Scenario | null {
  const bugs = keepBugs ? scenario.bugs.filter((bug) => BUG_DESIGNS[bug].includes(design)) : [];
  const result = validateScenario({ ...scenario, id: `${scenario.id}-as-${design}`, design, bugs, story: [] });
  return result.ok ? result.scenario : null;
}

function advance(state: State, thread: number): State {
  const result = step(state, thread);
  return result.ok ? result.state : state;
}

/** Runs the vhost worker of `state` until it has done `target` ring accesses, or `mm` can run when given. */
function catchUp(state: State, target: number, mm?: number): State {
  let s = state;
  for (let guard = 0; guard < CATCH_UP_LIMIT; guard++) {
    const ready = enabledThreads(s);
    // The worker never stops inside its own critical section (interval-mutex holds vq->mmu_lock across steps).
    const behind = s.counters.ringAccesses < target || s.vhost.mmuLock === 0;
    const waiting = mm !== undefined && !ready.includes(mm);
    if (!(behind || waiting) || !ready.includes(0)) break;
    s = advance(s, 0);
  }
  return s;
}

function follow(state: State, target: number, mm: number): State {
  const caught = catchUp(state, target, mm);
  return enabledThreads(caught).includes(mm) ? advance(caught, mm) : caught;
}

/**
 * Replays `schedule` on `base`; a design equal to base's follows it exactly, another runs each mm step at the same
 * point of the vhost worker's progress (ring accesses done), so both meet the same mm steps in the same order.
 */
export function pairedRuns(
  base: Scenario,
  a: Scenario,
  b: Scenario,
  schedule: readonly number[],
  names: readonly string[],
): Checkpoint[] {
  let shown = init(base);
  let stateA = init(a);
  let stateB = init(b);
  const exactA = a.design === base.design;
  const exactB = b.design === base.design;
  const points: Checkpoint[] = [{ a: stateA, b: stateB, label: 'Start' }];
  for (const thread of schedule) {
    const before = shown.counters.ringAccesses;
    const result = step(shown, thread);
    if (!result.ok) break;
    shown = result.state;
    if (exactA) stateA = advance(stateA, thread);
    if (exactB) stateB = advance(stateB, thread);
    if (thread === 0) continue;
    if (!exactA) stateA = follow(stateA, before, thread);
    if (!exactB) stateB = follow(stateB, before, thread);
    points.push({
      a: stateA,
      b: stateB,
      label: `${names[thread] ?? `thread ${thread + 1}`}: ${result.event.instr.fn}`,
    });
  }
  if (!exactA) stateA = catchUp(stateA, shown.counters.ringAccesses);
  if (!exactB) stateB = catchUp(stateB, shown.counters.ringAccesses);
  points.push({ a: stateA, b: stateB, label: 'End of the run' });
  return points;
}
