import { memoryOf } from './catalog';
import { idxPage } from './frames';
import { gpage } from './pagetable';
import type { State } from './types';

/** used.idx as the guest would read it now: through QEMU's mapping, or from swap when the page is out. */
export function guestUsedIdx(s: State): number {
  const idx = idxPage(s.scenario.ringSize);
  const pte = s.ptes[gpage(s, s.vhost.region, idx)];
  if (!pte) return 0;
  const frame = s.frames[pte.frame];
  if (pte.present || pte.swapped === 'migration' || frame?.owner === 'swap-cache') return frame?.usedIdx ?? 0;
  const backed = pte.swapped === 'swap' || (memoryOf(s.scenario) !== 'anonymous' && pte.swapped === 'none');
  if (backed) return s.vhost.region === 0 ? Math.max(s.swap[idx] ?? 0, 0) : 0;
  return 0;
}

/** The guest's view of used.idx beside vhost's last write: a lost write shows as a value in a frame the guest no longer maps. */
export interface UsedIdxView {
  /** What the guest reads now (guestUsedIdx). */
  guestReads: number;
  /** The frame the guest's PTE maps now, or -1 when the page is not mapped (swap, file, zero page). */
  guestFrame: number;
  /** used.idx vhost has published. */
  published: number;
  /** Frames holding the value vhost published; empty before its first publish. */
  writtenTo: number[];
}

export function usedIdxView(s: State): UsedIdxView {
  const pte = s.ptes[gpage(s, s.vhost.region, idxPage(s.scenario.ringSize))];
  const guestFrame = pte?.present ? pte.frame : -1;
  const writtenTo = s.published > 0 ? s.frames.flatMap((f, i) => (f.usedIdx === s.published ? [i] : [])) : [];
  return { guestReads: guestUsedIdx(s), guestFrame, published: s.published, writtenTo };
}
