import { readFileSync } from 'node:fs';
import { enabledThreads, init, type Scenario, type State, step, validateScenario } from '../src/core';

export function loadScenario(id: string): Scenario {
  const raw: unknown = JSON.parse(readFileSync(`src/scenarios/builtin/${id}.json`, 'utf8'));
  const result = validateScenario(raw);
  if (!result.ok) throw new Error(`${id}: ${result.errors.join(' ')}`);
  return result.scenario;
}

/** The shortest prefix of the scenario's story, else of a depth-first schedule, whose last step satisfies `goal`. */
export function scheduleTo(scenario: Scenario, goal: (detail: string, hazard: boolean) => boolean): number[] {
  const reaches = (schedule: readonly number[]) => {
    let state: State = init(scenario);
    for (const [i, thread] of schedule.entries()) {
      const result = step(state, thread);
      if (!result.ok) return -1;
      const hazard = result.event.findings.some((f) => f.severity === 'hazard');
      if (goal(result.event.detail, hazard)) return i + 1;
      state = result.state;
    }
    return -1;
  };
  const onStory = reaches(scenario.story);
  if (onStory > 0) return scenario.story.slice(0, onStory);
  const search = (state: State, schedule: number[], depth: number): number[] | null => {
    if (depth > 60) return null;
    for (const thread of enabledThreads(state)) {
      const result = step(state, thread);
      if (!result.ok) continue;
      const next = [...schedule, thread];
      if (
        goal(
          result.event.detail,
          result.event.findings.some((f) => f.severity === 'hazard'),
        )
      )
        return next;
      const found = search(result.state, next, depth + 1);
      if (found) return found;
    }
    return null;
  };
  const found = search(init(scenario), [], 0);
  if (!found) throw new Error(`${scenario.id}: no schedule reaches the goal`);
  return found;
}
