import { layoutOf } from '../layout';
import type { GuardCtx } from './promela-op-types';
import { cowWindowClosed } from './promela-ops-fork';

/** The user TLB tag of ring page `gp` (an expression): `userTlbKey`, the first page of a huge entry. */
function userKey(g: GuardCtx, gp: string): string {
  if (g.scenario.backing === '4k') return gp;
  let key = gp;
  for (let q = g.np - 1; q >= 0; q--) {
    const page = `((${gp} / NP) * NP + ${q})`;
    key = `(ptes[${page}].size == ptes[${gp}].size -> ${page} : ${key})`;
  }
  return key;
}

/** CPU0 caches a user translation of `gp`. */
function userTlbHit(g: GuardCtx, gp: string): string {
  const key = userKey(g, gp);
  const hits = Array.from(
    { length: g.tlbCap },
    (_, i) => `(tlbs[0].e_len > ${i} && tlbs[0].e[${i}].kind == KIND_user && tlbs[0].e[${i}].key == ${key})`,
  );
  return `(${hits.join(' || ')})`;
}

/** `userAccessBlocked(gp, write) === null`: first wp_page_copy's PT-lock window (`cowLockHolder`), then the PTE. */
export function userAccessOk(g: GuardCtx, gp: string, write: boolean): string {
  const frame = `frames[ptes[${gp}].frame]`;
  const present = write
    ? `(ptes[${gp}].present && !(!ptes[${gp}].writable && ${frame}.owner == OWNER_qemu_ring && ${frame}.locked))`
    : `ptes[${gp}].present`;
  // do_swap_page (and a page-cache fault) lock the cached page first: a fault waits while reclaim holds PG_locked.
  const cachedLocked = `(ptes[${gp}].frame >= 0 && ${frame}.owner == OWNER_swap_cache && ${frame}.locked)`;
  const pte = `(${present} || (!ptes[${gp}].present && (${userTlbHit(g, gp)} || (ptes[${gp}].swapped != SWAPPED_migration && !${cachedLocked}))))`;
  const cow = cowWindowClosed(g, gp);
  return cow === '1' ? pte : `(${cow} && ${pte})`;
}

/** `fallbackBlocked(s, area, usesPtr) === null`: every page of the area not reached through a pointer can fault. */
export function fallbackOk(g: GuardCtx, area: number, usesPtr: (slot: string) => string): string {
  const pages = layoutOf(g.scenario.ringSize).areas[area]?.pages ?? [];
  const parts = pages.map(
    (lp) =>
      `(${usesPtr(`(SERVED_VQ * NP + ${lp})`)} || ${userAccessOk(g, `(SERVED_REGION * NP + ${lp})`, area === 2)})`,
  );
  return parts.length > 0 ? `(${parts.join(' && ')})` : '1';
}
