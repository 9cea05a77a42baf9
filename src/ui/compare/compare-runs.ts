import { init, type Scenario, type State, type StepEvent, step } from '../../core';
import type { Finding } from '../../core/types';

export interface RunOutcome {
  /** The steps that ran, in order. */
  events: StepEvent[];
  /** Position (0-based) of the first choice whose thread could not run; the run stops there. */
  stoppedAt: number | null;
  /** The first hazard and the step (0-based) that caused it. */
  firstHazard: Finding | null;
}

export interface Comparison {
  a: RunOutcome;
  b: RunOutcome;
  /** First position (0-based) where the two runs chose different threads; null when neither differs. */
  divergeAt: number | null;
}

/** Replays `schedule` from the scenario's start, stopping at the first choice that cannot run. */
export function replay(scenario: Scenario, schedule: readonly number[]): RunOutcome {
  let state: State = init(scenario);
  const events: StepEvent[] = [];
  for (const [i, thread] of schedule.entries()) {
    const result = step(state, thread);
    if (!result.ok) return { events, stoppedAt: i, firstHazard: firstHazardOf(events) };
    events.push(result.event);
    state = result.state;
  }
  return { events, stoppedAt: null, firstHazard: firstHazardOf(events) };
}

function firstHazardOf(events: readonly StepEvent[]): Finding | null {
  for (const event of events) {
    const hazard = event.findings.find((f) => f.severity === 'hazard');
    if (hazard) return hazard;
  }
  return null;
}

/** The same scenario under two schedules: where they part and where each first breaks. */
export function compareRuns(scenario: Scenario, a: readonly number[], b: readonly number[]): Comparison {
  const runA = replay(scenario, a);
  const runB = replay(scenario, b);
  const shared = Math.min(runA.events.length, runB.events.length);
  let divergeAt: number | null = null;
  for (let i = 0; i < shared && divergeAt === null; i++) {
    if (runA.events[i]?.thread !== runB.events[i]?.thread) divergeAt = i;
  }
  if (divergeAt === null && runA.events.length !== runB.events.length) divergeAt = shared;
  return { a: runA, b: runB, divergeAt };
}
