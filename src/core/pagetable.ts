import { layoutOf } from './layout';
import type { MmThreadSpec, Pte, Scenario, State } from './types';

export function ringPageCount(s: Pick<State, 'scenario'>): number {
  return layoutOf(s.scenario.ringSize).pages;
}

/** Virtqueues of a scenario (absent means 1). */
export function vqsOf(scenario: Pick<Scenario, 'vqs'>): 1 | 2 {
  return scenario.vqs ?? 1;
}

/** Regions of vq 0's ring: two when SET_VRING_ADDR can move it; vq 1's ring follows them and never moves. */
export function vq0Regions(scenario: Pick<Scenario, 'mm'>): number {
  return scenario.mm.some((m) => m.kind === 'set-vring-addr') ? 2 : 1;
}

/** The region a vq's ring is in now. */
export function vqRegion(s: State, vq: number): number {
  return vq === 0 ? s.vhost.region : vq0Regions(s.scenario);
}

/** The vq the worker serves in its current round: one worker serves the vqs in turn. */
export function servedVq(s: State): number {
  return servedVqAt(s.scenario, s.threads[0]?.locals.round ?? 0);
}

/** `servedVq` from the worker's round count alone. */
export function servedVqAt(scenario: Scenario, round: number): number {
  const n = vqsOf(scenario);
  return n === 1 ? 0 : round % n;
}

/** Index into `vhost.ptr` (and the worker's gup pages) of ring page `gp`: vq 1's slots follow vq 0's. */
export function ptrSlot(s: Pick<State, 'scenario'>, gp: number): number {
  const n = ringPageCount(s);
  const vq1 = vqsOf(s.scenario) === 2 && Math.floor(gp / n) === vq0Regions(s.scenario);
  return (vq1 ? n : 0) + (gp % n);
}

/** The `vhost.ptr` slots of one vq. */
export function vqSlots(s: State, vq: number): number[] {
  const n = ringPageCount(s);
  return Array.from({ length: n }, (_, p) => vq * n + p);
}

/** Index into `ptes` of ring page `page` in `region`. */
export function gpage(s: Pick<State, 'scenario'>, region: number, page: number): number {
  return region * ringPageCount(s) + page;
}

export function pteAt(s: State, gp: number): Pte {
  const pte = s.ptes[gp];
  if (!pte) throw new Error(`no pte ${gp}`);
  return pte;
}

/** Ring pages (global indices) covered by the same user entry as `gp`: one for a 4K PTE, all for a huge entry. */
export function entryPages(s: State, gp: number): number[] {
  const pte = pteAt(s, gp);
  if (pte.size === '4K') return [gp];
  const n = ringPageCount(s);
  const base = Math.floor(gp / n) * n;
  const pages: number[] = [];
  for (let i = base; i < base + n; i++) if (s.ptes[i]?.size === pte.size) pages.push(i);
  return pages;
}

/** The user TLB tag of a ring page: a huge entry is cached once, under its first ring page. */
export function userTlbKey(s: State, gp: number): number {
  return entryPages(s, gp)[0] ?? gp;
}

// The pages asked for last (three variables, so a miss allocates nothing): an mm step asks for its targets several
// times per step, two WeakMap lookups each.
let lastScenario: unknown = null;
let lastSpec: MmThreadSpec | null = null;
let lastPages: readonly number[] = [];

/**
 * Global ring pages an mm event acts on (region 0; `all` adds vq 1's ring with two vqs). With huge backing the event acts on the whole compound
 * page, even after a THP split turned its PMD into PTEs (remove_migration_ptes, for one, restores every mapping).
 */
export function targetPages(s: Pick<State, 'scenario'>, spec: MmThreadSpec): readonly number[] {
  if (lastSpec === spec && lastScenario === s.scenario) return lastPages;
  let targets = targetsByScenario.get(s.scenario);
  if (!targets) {
    targets = new WeakMap();
    targetsByScenario.set(s.scenario, targets);
  }
  let pages = targets.get(spec);
  if (!pages) {
    const layout = layoutOf(s.scenario.ringSize);
    const all = Array.from({ length: layout.pages }, (_, i) => i);
    const vq1 = vqsOf(s.scenario) === 2 ? all.map((p) => gpage(s, vq0Regions(s.scenario), p)) : [];
    pages =
      s.scenario.backing !== '4k' || spec.target === 'all'
        ? [...all, ...vq1]
        : (layout.areas.find((a) => a.area === spec.target)?.pages ?? []);
    targets.set(spec, pages);
  }
  lastScenario = s.scenario;
  lastSpec = spec;
  lastPages = pages;
  return pages;
}

/**
 * Targets depend on the scenario and the spec, so they are memoised per scenario object, then per spec object (matrix
 * variants share their spec objects across scenarios with different vqs).
 */
const targetsByScenario = new WeakMap<Scenario, WeakMap<MmThreadSpec, readonly number[]>>();

/** Distinct frames behind a set of ring pages. */
export function framesOf(s: State, gps: readonly number[]): number[] {
  return [...new Set(gps.map((gp) => pteAt(s, gp).frame))];
}

/** Sets a field on every ring page sharing `gp`'s entry, keeping a huge entry consistent. */
export function updateEntry(s: State, gp: number, patch: Partial<Pte>): void {
  for (const q of entryPages(s, gp)) Object.assign(pteAt(s, q), patch);
}
