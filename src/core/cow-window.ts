import type { Scenario } from './types';

/** The scenario has a fork thread, whose COW window user accesses must check (and the reduction must know of). */
export function hasForkThread(scenario: Scenario): boolean {
  return scenario.mm.some((m) => m.kind === 'fork');
}
