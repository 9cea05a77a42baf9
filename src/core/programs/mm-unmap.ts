import { END, type Line } from './line';
import { BLOCKABLE, type Builder, end, NONBLOCK, onlyEnd, range, reuse, start, ZAP_PT_LOCKED } from './mm-calls';

const zapLine: Line = {
  op: 'zap',
  fn: 'zap_pte_range',
  code: 'ptep_get_and_clear_full(); page_remove_rmap(); __tlb_remove_page(tlb, page);',
  explain: 'PTEs are cleared and the pages queued in the mmu_gather batch; they are not freed yet.',
};

/** The common path: the batch has room, so unmap_region flushes and frees in tlb_finish_mmu, after _end. */
export function munmap(b: Builder): Line[] {
  return [
    ...start(b, BLOCKABLE),
    zapLine,
    ...end(b, BLOCKABLE),
    {
      op: 'tlb-flush',
      fn: 'tlb_finish_mmu → tlb_flush_mmu_tlbonly',
      code: 'flush_tlb_range(); mmu_notifier_invalidate_range();',
      explain: 'The flush comes after _end, with no lock held: the TLB shootdown IPI, then ->invalidate_range.',
    },
    ...range(b, BLOCKABLE),
    {
      op: 'free-batch',
      fn: 'tlb_finish_mmu → tlb_flush_mmu_free',
      code: 'free_pages_and_swap_cache(batch);',
      explain: 'The batched pages are freed after _end.',
    },
    reuse,
  ];
}

/**
 * The gather batch fills on a ring page. zap_pte_range (4K) forces the flush "before dropping ptl"; zap_huge_pmd
 * (mm/huge_memory.c) and __unmap_hugepage_range (mm/hugetlb.c) drop the PT lock first, then tlb_remove_page_size
 * calls tlb_flush_mmu (v5.0).
 */
export function munmapBatchFull(b: Builder): Line[] {
  const huge = b.backing !== '4k';
  const zapFn = b.backing === 'thp' ? 'zap_huge_pmd' : '__unmap_hugepage_range';
  return [
    ...start(b, BLOCKABLE),
    huge
      ? {
          ...zapLine,
          fn: zapFn,
          code: `${b.backing === 'thp' ? 'pmdp_huge_get_and_clear_full()' : 'huge_ptep_get_and_clear()'}; page_remove_rmap(page, true); spin_unlock(ptl);`,
          explain: 'The huge entry is cleared under the PT lock, and the lock is dropped before the page is queued.',
        }
      : { ...zapLine, code: `${zapLine.code}  /* returns true: batch full, force_flush = 1 */` },
    huge
      ? {
          op: 'tlb-flush',
          fn: `${zapFn} → tlb_remove_page_size → tlb_flush_mmu`,
          code: 'if (__tlb_remove_page_size(tlb, page, size)) tlb_flush_mmu(tlb);  /* flush_tlb_range(); mmu_notifier_invalidate_range(); */',
          explain:
            'A full batch flushes after the PT lock was dropped: the TLB shootdown IPI, then ->invalidate_range, where the caller may sleep.',
          point: 'free-after-start',
        }
      : {
          op: 'tlb-flush',
          fn: 'zap_pte_range → tlb_flush_mmu_tlbonly',
          code: 'if (force_flush) tlb_flush_mmu_tlbonly(tlb);  /* flush_tlb_range(); mmu_notifier_invalidate_range(); */',
          explain:
            'A full batch forces the flush "before dropping ptl": the TLB shootdown IPI, then ->invalidate_range under the PT lock.',
          point: 'free-after-start',
        },
    ...range(b, huge ? BLOCKABLE : ZAP_PT_LOCKED),
    {
      op: 'free-batch',
      fn: huge ? 'tlb_flush_mmu → tlb_flush_mmu_free' : 'zap_pte_range → tlb_flush_mmu_free',
      code: huge ? 'tlb_flush_mmu_free(tlb);' : 'pte_unmap_unlock(); if (force_flush) tlb_flush_mmu_free(tlb);',
      explain: 'The batch is freed before _end: the notifier contract allows a free any time after start returned.',
      point: 'free-after-start',
    },
    ...end(b, BLOCKABLE),
    reuse,
  ];
}

export function oomReap(b: Builder): Line[] {
  return [
    ...start(b, NONBLOCK, 'mmu_notifier_invalidate_range_start_nonblock'),
    {
      op: 'oom-check',
      fn: '__oom_reap_task_mm',
      code: 'if (start failed) { ret = false; continue; /* skip this VMA */ }',
      explain: 'The OOM reaper cannot wait: a notifier that refuses makes it skip QEMU’s VMA.',
      to: END,
      point: 'eagain',
    },
    {
      op: 'zap',
      fn: 'unmap_page_range',
      code: 'unmap_page_range(&tlb, vma, start, end);',
      explain: 'The reaper zaps the PTEs; pages go to the gather batch.',
    },
    ...end(b, NONBLOCK),
    {
      op: 'tlb-flush',
      fn: 'tlb_finish_mmu',
      code: 'tlb_finish_mmu(): flush_tlb_range(); mmu_notifier_invalidate_range();',
      explain: 'On this path the flush and the free come after _end.',
    },
    ...range(b, NONBLOCK),
    {
      op: 'free-batch',
      fn: 'tlb_finish_mmu',
      code: 'free_pages_and_swap_cache(batch);',
      explain: 'The reaped pages are freed.',
    },
    reuse,
  ];
}

export function thpSplit(b: Builder): Line[] {
  return [
    ...start(b, BLOCKABLE, 'mmu_notifier_invalidate_range_start'),
    {
      op: 'split-pmd',
      fn: '__split_huge_pmd_locked',
      code: 'pmdp_invalidate(); populate 512 PTEs to the same subpages;',
      explain:
        'The 2M mapping becomes 4K PTEs to the same frames: nothing moves, yet the notifier is called for the whole 2M range.',
      point: 'thp-split',
    },
    ...onlyEnd(b, BLOCKABLE),
  ];
}
