import type { OpCtx, StepReporting } from './context';
import { narrating, report, say } from './context';
import { layoutOf } from './layout';
import type { Frame, FrameOwner, PageSize, State } from './types';

export function newFrame(size: PageSize, owner: FrameOwner, usedIdx: number): Frame {
  return { size, refcount: 1, mapcount: 1, dirty: false, locked: false, owner, usedIdx, corrupted: false };
}

export function frameAt(s: State, f: number): Frame {
  const frame = s.frames[f];
  if (!frame) throw new Error(`no frame ${f}`);
  return frame;
}

/** Allocates a fresh frame; ids grow so that a freed frame keeps its identity on screen. */
export function allocFrame(s: State, size: PageSize, owner: FrameOwner, usedIdx: number): number {
  s.frames.push(newFrame(size, owner, usedIdx));
  return s.frames.length - 1;
}

/** put_page: drops one reference; the last one frees the frame unless it is still mapped by QEMU. */
export function putRef(ctx: OpCtx, f: number): void {
  const frame = frameAt(ctx.s, f);
  frame.refcount -= 1;
  if (frame.refcount > 0) return;
  if (frame.owner === 'qemu-ring' && frame.mapcount > 0) return;
  // The swap cache keeps its page (its own reference is not drawn) until reclaim removes it.
  if (frame.owner === 'swap-cache') return;
  frame.owner = 'free';
  frame.dirty = false;
  frame.locked = false;
  narrating(ctx) && say(ctx, `frame #${f} reached refcount 0 and went back to the page allocator.`);
}

const USE_RULE =
  'Once invalidate_range_start has returned, the page may be freed at any moment: the notifier must clear the pointer, and vhost must re-check seq/count under the same lock before publishing a page from gup_fast.';

/** The ring page whose frame holds used.idx (the first page of the used area). */
export function idxPage(ringSize: number): number {
  return layoutOf(ringSize).areas[2]?.pages[0] ?? 0;
}

/** What a load or store to frame `f` (owned by `owner`) reports: `touchFrame`'s findings, for objects and words alike. */
export function touchFindings(ctx: StepReporting, f: number, owner: FrameOwner, write: boolean, via: string): void {
  const verb = write ? 'wrote to' : 'read from';
  const who = ctx.names[ctx.t] ?? 'vhost';
  if (owner === 'free' || owner === 'reused-by-other') {
    const reused = owner === 'reused-by-other';
    report(
      ctx,
      'use-after-free',
      [f],
      `${who} ${verb} frame #${f} through ${via} after the frame was freed${reused ? ' and handed to another task, whose memory it now corrupts' : ''}.`,
      USE_RULE,
    );
  } else if (write && owner === 'migrated-old') {
    report(
      ctx,
      'lost-write',
      [f],
      `${who} wrote the used ring into frame #${f}, the old copy of a migrated page: the guest reads the new frame and never sees this write.`,
      'The notifier must drop the pointer before migration copies the page; vhost then gups the new page.',
    );
  } else if (write && owner === 'fork-child') {
    report(
      ctx,
      'lost-write',
      [f],
      `${who} wrote to frame #${f}, which after fork’s copy-on-write belongs to QEMU’s child: QEMU maps its own copy, so the guest never sees this write, and the child’s memory changes under it.`,
      'A COW fault changes the pfn behind the HVA: the notifier must drop the pointer (invalidate_range_start, or ->invalidate_range between ptep_clear_flush and set_pte_at) so vhost looks the page up again.',
    );
  } else if (write && owner === 'orphan') {
    report(
      ctx,
      'lost-write',
      [f],
      `${who} wrote to frame #${f}, which QEMU no longer maps (only a reference keeps it alive): the guest never sees this write.`,
      'A reference keeps a frame alive, not the mapping coherent: only an invalidation callback tells vhost the HVA now maps another page.',
    );
  }
}

/**
 * Sets PG_dirty on each frame and says which ones changed: "PG_dirty set on frame #a; frame #b already dirty." (the
 * narration test checks every such claim against the step's change).
 */
export function setDirty(s: State, frames: readonly number[]): string {
  const newly = frames.filter((f) => !frameAt(s, f).dirty);
  const already = frames.filter((f) => frameAt(s, f).dirty);
  for (const f of newly) frameAt(s, f).dirty = true;
  const parts: string[] = [];
  if (newly.length > 0) parts.push(`PG_dirty set on frame #${newly.join(', #')}`);
  if (already.length > 0) parts.push(`frame #${already.join(', #')} already dirty`);
  return `${parts.join('; ')}.`;
}
