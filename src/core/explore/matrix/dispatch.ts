import type { DesignId, MmEventKind } from '../../types';
import type { CellSpec } from './matrix';

/** Events whose cells hold most of the matrix's states (measured: set-vring-addr 50%, fork 19%, reclaim 7%). */
const HEAVY_EVENTS: readonly MmEventKind[] = ['set-vring-addr', 'fork', 'reclaim'];
/** Designs without an invalidation callback: their rows hold about 1% of the matrix's states. */
const LIGHT_DESIGNS: readonly DesignId[] = ['copy-user', 'vmap-pinned'];

/** A cell's expected size class: higher runs first. Only the order of work depends on it, never a result. */
export function cellWeight({ design, event }: CellSpec): number {
  if (LIGHT_DESIGNS.includes(design)) return 0;
  return 1 + HEAVY_EVENTS.length - (HEAVY_EVENTS.includes(event) ? HEAVY_EVENTS.indexOf(event) : HEAVY_EVENTS.length);
}

/**
 * The order to hand cells to a pool's lanes: the largest first, so that the run ends on small cells and no lane
 * waits long for the last one; cells of the same weight keep their matrix order.
 */
export function largestFirst(specs: readonly CellSpec[]): number[] {
  return specs
    .map((_, i) => i)
    .sort((a, b) => cellWeight(specs[b] as CellSpec) - cellWeight(specs[a] as CellSpec) || a - b);
}
