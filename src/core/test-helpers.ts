import { enabledThreads, step } from './step';
import type { HazardKind, Scenario, State, WarningKind } from './types';
import { init } from './world';

/** Follows a list of choices (each an index into the enabled threads) until every thread stops or `limit` steps. */
export function runChoices(
  scenario: Scenario,
  choices: readonly number[],
  limit = 400,
): { state: State; schedule: number[] } {
  let state = init(scenario);
  const schedule: number[] = [];
  for (let i = 0; i < limit; i++) {
    const enabled = enabledThreads(state);
    if (enabled.length === 0) break;
    const t = enabled[(choices[i] ?? 0) % enabled.length] as number;
    const result = step(state, t);
    if (!result.ok) throw new Error(result.error);
    state = result.state;
    schedule.push(t);
  }
  return { state, schedule };
}

const key = (s: State) =>
  JSON.stringify([s.ptes, s.frames, s.vmalloc, s.tlbs, s.vhost, s.threads, s.swap, s.published]);

/** Breadth-first search for the shortest schedule reaching a finding kind (a plain, independent checker for tests). */
export function shortestTo(scenario: Scenario, kind: HazardKind | WarningKind, maxStates = 200_000): number[] | null {
  const start = init(scenario);
  const seen = new Set([key(start)]);
  let frontier: { s: State; path: number[] }[] = [{ s: start, path: [] }];
  while (frontier.length > 0 && seen.size < maxStates) {
    const next: typeof frontier = [];
    for (const { s, path } of frontier) {
      for (const t of enabledThreads(s)) {
        const r = step(s, t);
        if (!r.ok) throw new Error(r.error);
        if (r.event.findings.some((f) => f.kind === kind)) return [...path, t];
        const k = key(r.state);
        if (!seen.has(k)) {
          seen.add(k);
          next.push({ s: r.state, path: [...path, t] });
        }
      }
    }
    frontier = next;
  }
  return null;
}

/** Deep-freezes plain data so that any mutation throws (ES modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
