import type { DesignId, Frame, FrameOwner, PageSize, Pte } from '../../core/types';
import type { Segment, TextLine } from './model';
import { valueLine } from './values';

const OWNER: Record<FrameOwner, string> = {
  'qemu-ring': 'ring page',
  free: 'FREED',
  'reused-by-other': 'REUSED (other task)',
  'ksm-shared': "KSM's shared page",
  'swap-cache': 'swap cache copy',
  isolated: 'isolated by mm',
  orphan: 'orphan (unmapped)',
  'migrated-old': 'old copy (migrated)',
  'fork-child': "child's page (after COW)",
};

export const ownerText = (owner: FrameOwner) => OWNER[owner];

export { isGone } from '../views/labels';

const LEVEL: Record<PageSize, string> = { '4K': 'PTE', '2M': 'PMD', '1G': 'PUD' };

/** The user page-table entry in words: level, size, flags, or why it is not present. */
export function entryText(pte: Pte, swapIdx: number | undefined): string {
  const level = `${pte.size} ${LEVEL[pte.size]}`;
  if (pte.present) return `${level} · ${pte.writable ? 'rw' : 'ro'}${pte.dirty ? ' · dirty' : ''}`;
  // The swap copy holds the used.idx value written out by pageout; none yet until pageout runs.
  if (pte.swapped === 'swap')
    return swapIdx === undefined || swapIdx < 0 ? 'swap entry · no copy yet' : `swap entry · copy: idx ${swapIdx}`;
  if (pte.swapped === 'migration') return 'migration entry';
  return `${level} zapped ✕`;
}

/**
 * refcount and mapcount (with the old value beside a changed one), then PG_dirty, PG_locked and corruption on a line of
 * their own when any is set.
 */
export function frameFlags(frame: Frame, before?: Frame): TextLine[] {
  const flags = [frame.dirty ? 'PG_dirty' : '', frame.locked ? 'PG_locked' : '', frame.corrupted ? 'corrupted' : ''];
  const set = flags.filter(Boolean);
  const ref = valueLine('ref ', frame.refcount, before?.refcount);
  const map = valueLine('map ', frame.mapcount, before?.mapcount);
  const parts = [...segments(ref), { text: ' · ' }, ...segments(map)];
  return [
    parts.some((p) => p.old) ? parts : parts.map((p) => p.text).join(''),
    ...(set.length > 0 ? [set.join(' · ')] : []),
  ];
}

const segments = (line: TextLine): Segment[] => (typeof line === 'string' ? [{ text: line }] : line);

/** The design's own field for vhost's cached pointer to ring page `page` (the thread calls it `userringpage`). */
export function pointerField(design: DesignId, page: number): string {
  if (design === 'direct-map-rcu') return `vq->maps[${page}]`;
  return `vq->ptr[${page}]`;
}

/** Designs that reach the ring through a vmap alias rather than a cached frame pointer. */
export const usesVmap = (design: DesignId) => design === 'vmap-pinned' || design === 'vmap-notifier';
