import { pteAt } from './pagetable';
import { programsOf } from './programs/compile';
import type { Scenario, State } from './types';

/** The scenario has a fork thread, whose COW window user accesses must check (and the reduction must know of). */
export function hasForkThread(scenario: Scenario): boolean {
  return scenario.mm.some((m) => m.kind === 'fork');
}

/**
 * The fork thread holding the PT lock of ring page `gp` inside wp_page_copy (from ptep_clear_flush_notify to
 * pte_unmap_unlock), or -1: a fault on that page waits for it, and gup_fast sees no PTE.
 */
export function cowLockHolder(s: State, gp: number): number {
  const pte = pteAt(s, gp);
  if (pte.present) return -1;
  const programs = programsOf(s.scenario);
  // Only fork threads' pcs are read (the reduction's COW_WINDOW_READERS relies on it).
  for (let t = 1; t <= s.scenario.mm.length; t++) {
    if (s.scenario.mm[t - 1]?.kind !== 'fork') continue;
    const th = s.threads[t];
    if (!th || th.done || th.locals.aborted) continue;
    const ops = programs[t]?.instrs.map((i) => i.op) ?? [];
    const inside = th.pc > ops.indexOf('cow-clear') && th.pc <= ops.indexOf('cow-set');
    if (inside && th.locals.pages.includes(pte.frame)) return t;
  }
  return -1;
}
