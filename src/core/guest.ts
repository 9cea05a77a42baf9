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
