import type { Backing, BugSwitch, CallCtx, DesignId, MemoryKind } from '../types';
import { indent, type Line, mark } from './line';
import { callbackLines, type Hook } from './notifier';

/** Notifier call sites of the mm side: each inlines the design's callback at depth 1 after its header step. */
export const BLOCKABLE: CallCtx = { blockable: true, ptLock: false, pageLocked: false };
export const PAGE_LOCKED: CallCtx = { blockable: true, ptLock: false, pageLocked: true };
export const PT_LOCKED: CallCtx = { blockable: true, ptLock: true, pageLocked: true };
/** zap_pte_range's forced flush: `tlb_flush_mmu_tlbonly` runs before `pte_unmap_unlock`. */
export const ZAP_PT_LOCKED: CallCtx = { blockable: true, ptLock: true, pageLocked: false };
export const NONBLOCK: CallCtx = { blockable: false, ptLock: false, pageLocked: false };

export interface Builder {
  design: DesignId;
  bugs: BugSwitch[];
  memory: MemoryKind;
  backing: Backing;
  /** Virtqueues of the device (absent means 1): a callback that loops over them repeats its per-vq steps. */
  vqs?: 1 | 2;
}

/** `pair` names the start/end pair when a call site has two (KSM), keeping jump labels unique. */
export function start(b: Builder, ctx: CallCtx, fn = 'mmu_notifier_invalidate_range_start', pair = ''): Line[] {
  const out = `after-start-${fn}${pair}`;
  return [
    {
      op: 'mm-start',
      fn,
      code: `${fn}(&range);`,
      explain:
        'The mm side announces the invalidation before touching any PTE; pages stay mapped and referenced until it returns.',
      ctx,
      point: 'start-contract',
    },
    ...indent(callbackLines(b.design, 'start', b.bugs, ctx, out), 1),
    mark(out),
  ];
}

/** __mmu_notifier_invalidate_range_end calls ->invalidate_range, then ->invalidate_range_end, in the caller's context. */
export function end(b: Builder, ctx: CallCtx): Line[] {
  return [
    {
      op: 'mm-end',
      fn: 'mmu_notifier_invalidate_range_end',
      code: 'mmu_notifier_invalidate_range_end(&range);  /* ->invalidate_range, then ->invalidate_range_end */',
      explain:
        'The invalidation is over; _end also calls ->invalidate_range (unless the caller used _only_end), where the caller may sleep.',
      ctx,
    },
    ...indent(callbackLines(b.design, 'range', b.bugs, ctx, 'unused', b.vqs), 1),
    ...indent(callbackLines(b.design, 'end', b.bugs, ctx, 'unused'), 1),
  ];
}

/** __split_huge_pmd ends with the _only_end variant: the PTEs still map the same pages, so ->invalidate_range is not called. */
export function onlyEnd(
  b: Builder,
  ctx: CallCtx,
  explain = 'The PTEs still map the same pages, so the _only_end variant skips ->invalidate_range.',
): Line[] {
  return [
    {
      op: 'mm-end',
      fn: 'mmu_notifier_invalidate_range_only_end',
      code: 'mmu_notifier_invalidate_range_only_end(&range);',
      explain,
      ctx,
    },
    ...indent(callbackLines(b.design, 'end', b.bugs, ctx, 'unused'), 1),
  ];
}

/** ->invalidate_range called on its own, from a PTE-changing call site (`tlb_flush_mmu_tlbonly`, `try_to_unmap_one`). */
export function range(b: Builder, ctx: CallCtx): Line[] {
  return indent(callbackLines(b.design, 'range' satisfies Hook, b.bugs, ctx, 'unused', b.vqs), 1);
}

export const reuse: Line = {
  op: 'reuse',
  fn: 'alloc_pages',
  code: 'another task: page = alloc_pages(GFP_KERNEL);',
  explain: 'The page allocator hands the freed frame to someone else: any later vhost store corrupts their memory.',
};
