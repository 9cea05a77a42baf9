import { programsOf } from './programs/compile';
import type { Program, Scenario, State } from './types';

// A leaf of the core: the page reads a run's programs and names from here without loading the ops (step.ts).

/** What never changes during a run, passed to every step: the scenario compiled into programs and thread names. */
export interface Model {
  readonly scenario: Scenario;
  readonly programs: readonly Program[];
  readonly names: readonly string[];
}

const models = new WeakMap<Scenario, Model>();

export function modelOf(scenario: Scenario): Model {
  let model = models.get(scenario);
  if (!model) {
    const programs = programsOf(scenario);
    model = { scenario, programs, names: programs.map((p) => p.name) };
    models.set(scenario, model);
  }
  return model;
}

export function threadNames(scenario: Scenario): readonly string[] {
  return modelOf(scenario).names;
}

export function isDone(s: State): boolean {
  for (const th of s.threads) if (!th.done) return false;
  return true;
}
