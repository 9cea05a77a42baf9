import type { Scenario } from '../../core/types';
import type { AppStore } from '../../state/store';
import { linkFor } from '../../url/encode';
import type { RunLink } from '../../url/run-link-types';

/** The run the store shows, as a link: read from the snapshots themselves, so it is never half-way between runs. */
export function situationOf(s: AppStore, catalog: readonly Scenario[]): RunLink | null {
  const scenario = s.states[0]?.scenario;
  if (!scenario || s.pending > 0) return null;
  return linkFor(scenario, s.schedule, s.index, catalog);
}

/** Neither schedule continues the other: the user took another thread somewhere and started a branch. */
export function isBranch(before: readonly number[], after: readonly number[]): boolean {
  const shared = Math.min(before.length, after.length);
  return before.slice(0, shared).some((thread, i) => thread !== after[i]);
}

export function runTitle(link: RunLink, scenarios: readonly Scenario[]): string {
  const title = link.edited?.title ?? scenarios.find((s) => s.id === link.scenarioId)?.title ?? link.scenarioId;
  return `${title} (at step ${link.index}, ${link.schedule.length} steps)`;
}
