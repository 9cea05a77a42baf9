import type { Frame, FrameOwner, Pte } from '../../core/types';

const OWNER_LABEL: Record<FrameOwner, string> = {
  'qemu-ring': 'ring',
  free: 'FREED',
  'reused-by-other': 'REUSED',
  'ksm-shared': 'KSM shared',
  'swap-cache': 'unmapped, cached',
  isolated: 'isolated',
  orphan: 'orphan',
  'migrated-old': 'old (migrated)',
  'fork-child': "child's (COW)",
};

export const ownerLabel = (owner: FrameOwner) => OWNER_LABEL[owner];

/** A frame a kernel pointer must not reach any more: freed, or freed and handed to someone else. */
export const isGone = (frame: Frame | undefined) => frame?.owner === 'free' || frame?.owner === 'reused-by-other';

export function pteLabel(pte: Pte): string {
  if (pte.present) return `→ #${pte.frame}`;
  if (pte.swapped === 'swap') return 'swap entry';
  if (pte.swapped === 'migration') return 'migration entry';
  return 'none (zapped)';
}

export const threadLabel = (names: readonly string[], thread: number) =>
  thread < 0 ? 'nobody' : `${names[thread] ?? `thread ${thread}`} (${thread + 1})`;
