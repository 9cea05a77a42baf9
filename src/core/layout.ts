import type { RingArea } from './types';

export const PAGE = 4096;
export const AREAS: readonly RingArea[] = ['desc', 'avail', 'used'];
/** Ring sizes a scenario may use (split virtqueues need a power of two; Ringside draws up to 1024). */
export const RING_SIZES = [64, 128, 256, 512, 1024] as const;

export interface AreaLayout {
  area: RingArea;
  offset: number;
  bytes: number;
  /** Ring pages (indices from the start of the ring) the area spans. */
  pages: number[];
}

export interface RingLayout {
  ringSize: number;
  areas: AreaLayout[];
  pages: number;
  totalBytes: number;
}

function pagesSpanned(offset: number, bytes: number): number[] {
  const first = Math.floor(offset / PAGE);
  const last = Math.floor((offset + bytes - 1) / PAGE);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The legacy split-ring layout (vring_size with align 4096) with VIRTIO_RING_F_EVENT_IDX:
 * desc 16·N, avail 2·(3+N), used 2·3 + 8·N; the used ring starts on the next page boundary.
 */
export function ringLayout(ringSize: number): RingLayout {
  const desc = 16 * ringSize;
  const avail = 2 * (3 + ringSize);
  const used = 2 * 3 + 8 * ringSize;
  const usedOffset = Math.ceil((desc + avail) / PAGE) * PAGE;
  const areas: AreaLayout[] = [
    { area: 'desc', offset: 0, bytes: desc, pages: pagesSpanned(0, desc) },
    { area: 'avail', offset: desc, bytes: avail, pages: pagesSpanned(desc, avail) },
    { area: 'used', offset: usedOffset, bytes: used, pages: pagesSpanned(usedOffset, used) },
  ];
  const totalBytes = usedOffset + used;
  return { ringSize, areas, pages: Math.ceil(totalBytes / PAGE), totalBytes };
}

const layouts = new Map<number, RingLayout>();

/** The layout asked for last: the explorer's ops ask for one ring size per search, many times per step. */
let lastLayout: RingLayout | undefined;

/** Memoised layout: layouts are immutable and shared. */
export function layoutOf(ringSize: number): RingLayout {
  if (lastLayout?.ringSize === ringSize) return lastLayout;
  let layout = layouts.get(ringSize);
  if (!layout) {
    layout = ringLayout(ringSize);
    layouts.set(ringSize, layout);
  }
  lastLayout = layout;
  return layout;
}

/** Ring pages written by vhost: only the used area is mapped write=1 (kernel-facts §6, §8). */
export function usedPages(ringSize: number): number[] {
  return layoutOf(ringSize).areas[2]?.pages ?? [];
}
