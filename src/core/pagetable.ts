import { layoutOf } from './layout';
import type { MmThreadSpec, Pte, State } from './types';

export function ringPageCount(s: State): number {
  return layoutOf(s.scenario.ringSize).pages;
}

/** Index into `ptes` of ring page `page` in `region`. */
export function gpage(s: State, region: number, page: number): number {
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

/**
 * Global ring pages an mm event acts on (always region 0). With huge backing the event acts on the whole compound
 * page, even after a THP split turned its PMD into PTEs (remove_migration_ptes, for one, restores every mapping).
 */
export function targetPages(s: State, spec: MmThreadSpec): readonly number[] {
  let pages = targets.get(spec);
  if (!pages) {
    const layout = layoutOf(s.scenario.ringSize);
    const all = Array.from({ length: layout.pages }, (_, i) => i);
    pages =
      s.scenario.backing !== '4k' || spec.target === 'all'
        ? all
        : (layout.areas.find((a) => a.area === spec.target)?.pages ?? []);
    targets.set(spec, pages);
  }
  return pages;
}

/** Targets depend only on the scenario a spec belongs to, so they are memoised per spec object. */
const targets = new WeakMap<MmThreadSpec, readonly number[]>();

/** Distinct frames behind a set of ring pages. */
export function framesOf(s: State, gps: readonly number[]): number[] {
  return [...new Set(gps.map((gp) => pteAt(s, gp).frame))];
}

/** Sets a field on every ring page sharing `gp`'s entry, keeping a huge entry consistent. */
export function updateEntry(s: State, gp: number, patch: Partial<Pte>): void {
  for (const q of entryPages(s, gp)) Object.assign(pteAt(s, q), patch);
}
