import { memoryOf } from '../catalog';
import type { MmThreadSpec, Scenario } from '../types';
import { exitLines } from './exit';
import { forkLines } from './fork';
import { END, type Line } from './line';
import {
  BLOCKABLE,
  type Builder,
  end,
  NONBLOCK,
  onlyEnd,
  PAGE_LOCKED,
  PT_LOCKED,
  range,
  reuse,
  start,
  ZAP_PT_LOCKED,
} from './mm-calls';

const zapLine: Line = {
  op: 'zap',
  fn: 'zap_pte_range',
  code: 'ptep_get_and_clear_full(); page_remove_rmap(); __tlb_remove_page(tlb, page);',
  explain: 'PTEs are cleared and the pages queued in the mmu_gather batch; they are not freed yet.',
};

/** The common path: the batch has room, so unmap_region flushes and frees in tlb_finish_mmu, after _end. */
function munmap(b: Builder): Line[] {
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
function munmapBatchFull(b: Builder): Line[] {
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

function oomReap(b: Builder): Line[] {
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

const lockPage = (fn: string): Line => ({
  op: 'lock-page',
  fn,
  code: `${fn}(page);`,
  explain: 'The mm side holds PG_locked on the page for the whole operation, notifier calls included.',
  to: END,
});
const unlockFree = (fn: string): Line => ({
  op: 'unlock-free',
  fn,
  code: 'unlock_page(page); put_page(page);',
  explain: 'Unlock, and drop the last reference unless the operation was aborted.',
});

/** shrink_page_list → try_to_unmap → pageout → __remove_mapping (mm/vmscan.c, mm/rmap.c; v5.0). */
function reclaim(b: Builder): Line[] {
  const anon = b.memory === 'anonymous';
  return [
    lockPage('trylock_page'),
    ...start(b, PAGE_LOCKED),
    {
      op: 'unmap-swap',
      fn: 'try_to_unmap_one',
      code: anon
        ? 'pteval = ptep_get_and_clear(); set_tlb_ubc_flush_pending();  /* TTU_BATCH_FLUSH */ if (pte_dirty(pteval)) set_page_dirty(page); set swap entry; mmu_notifier_invalidate_range();'
        : 'pteval = ptep_get_and_clear(); set_tlb_ubc_flush_pending();  /* TTU_BATCH_FLUSH */ if (pte_dirty(pteval)) set_page_dirty(page);  /* locked page-cache page: ->invalidate_range waits for _end */',
      explain: anon
        ? 'The PTE becomes a swap entry (add_to_swap already dirtied a page with no swap copy); only the PTE’s hardware dirty bit moves to PG_dirty, and writes through a kernel alias never set it. The x86 TLB flush is batched (try_to_unmap_flush before pageout); Ringside flushes here.'
        : 'The PTE is cleared; only its hardware dirty bit moves to PG_dirty, and writes through a kernel alias never set it. The x86 TLB flush is batched (try_to_unmap_flush before pageout); Ringside flushes here.',
      point: 'dirty-bit',
    },
    ...(anon ? range(b, PT_LOCKED) : []),
    ...end(b, PAGE_LOCKED),
    {
      op: 'pageout',
      fn: 'shrink_page_list → pageout',
      code: anon
        ? 'if (PageDirty(page)) pageout(page);  /* else: clean, swap copy still valid */'
        : `if (PageDirty(page)) pageout(page);  /* ${b.memory === 'shmem' ? 'shmem_writepage: to swap' : 'the file’s ->writepage'} */`,
      explain: 'PG_dirty alone decides whether the page is written out.',
      point: 'dirty-bit',
    },
    {
      op: 'remove-mapping',
      fn: '__remove_mapping',
      code: 'if (!page_ref_freeze(page, expected) || PageDirty(page)) keep; else free page;',
      explain: anon
        ? 'A clean page with a valid swap copy is dropped without I/O; an extra reference, or PG_dirty set since pageout looked, keeps it in the swap cache.'
        : 'A clean page is dropped from the page cache without I/O: the next fault reads what the backing store holds; an extra reference, or PG_dirty set since pageout looked, keeps it.',
    },
    { op: 'unlock-page', fn: 'unlock_page', code: 'unlock_page(page);', explain: 'Reclaim is done with the page.' },
  ];
}

function migrate(b: Builder): Line[] {
  return [
    lockPage('lock_page'),
    ...start(b, PAGE_LOCKED),
    {
      op: 'unmap-migration',
      fn: 'try_to_unmap_one',
      code: 'pteval = ptep_clear_flush(); if (pte_dirty(pteval)) set_page_dirty(page); set migration entry;  /* no ->invalidate_range here */',
      explain:
        'The PTE becomes a migration entry: user accesses wait, kernel pointers do not. Since v4.15 this branch skips ->invalidate_range (the migration entry synchronises); the callback comes from _end, where sleeping is allowed.',
    },
    ...end(b, PAGE_LOCKED),
    {
      op: 'move-mapping',
      fn: 'migrate_page_move_mapping',
      code: 'if (page_count(page) != expected) return -EAGAIN; copy page → newpage;',
      explain: 'Any extra reference (a pin) makes migration fail; otherwise the contents are copied to the new frame.',
      point: 'pin',
    },
    {
      op: 'remap',
      fn: 'remove_migration_ptes',
      code: 'set_pte_at(newpage);',
      explain: 'QEMU’s PTE now points at the new frame.',
    },
    unlockFree('unlock_page + putback'),
    reuse,
  ];
}

/** try_to_merge_one_page (mm/ksm.c, v5.0): write_protect_page and replace_page, each with its own start/end pair. */
function ksm(b: Builder): Line[] {
  return [
    {
      op: 'ksm-trylock',
      fn: 'try_to_merge_one_page → trylock_page',
      code: 'if (!trylock_page(page)) goto out;  /* skip it, come back next scan */',
      explain:
        'KSM locks only the page it merges, and with trylock_page: a page someone else has locked is skipped, never waited for.',
      to: END,
    },
    ...start(b, PAGE_LOCKED, 'mmu_notifier_invalidate_range_start', 'wrprotect'),
    {
      op: 'ksm-wrprotect',
      fn: 'write_protect_page',
      code: 'if (pte_write(*pte) || pte_dirty(*pte)) { entry = ptep_clear_flush(); if (page_mapcount(page) + 1 + swapped != page_count(page)) { set_pte_at(entry); goto out; } if (pte_dirty(entry)) set_page_dirty(page); set_pte_at_notify(pte_mkclean(pte_wrprotect(entry))); }',
      explain:
        'Only a writable or dirty PTE is touched: it is cleared and flushed before the reference check, which shuts out gup_fast; an extra reference restores the PTE and fails with -EFAULT, so the page is skipped.',
      point: 'pin',
    },
    ...end(b, PAGE_LOCKED),
    {
      op: 'ksm-if-merge',
      fn: 'try_to_merge_one_page',
      code: 'if (err || !pages_identical(page, kpage)) goto out_unlock;',
      explain: 'Only a write-protected page whose contents still match the KSM page is replaced.',
      to: 'ksm-unlock',
    },
    ...start(b, PAGE_LOCKED, 'mmu_notifier_invalidate_range_start', 'replace'),
    {
      op: 'ksm-replace',
      fn: 'replace_page',
      code: 'if (!pte_same(*ptep, orig_pte)) goto out_mn; ptep_clear_flush(); set_pte_at_notify(kpage); page_remove_rmap(page); put_page(page);',
      explain: 'If the PTE is still the write-protected one, QEMU’s PTE now points at the read-only shared KSM page.',
    },
    ...end(b, PAGE_LOCKED),
    { ...unlockFree('unlock_page + put_page'), label: 'ksm-unlock' },
    reuse,
  ];
}

function thpSplit(b: Builder): Line[] {
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

/** What each design does to its cached pointers when the ring moves (RFC V2 and the merged code by their own names). */
const SET_ADDR_CODE: Partial<Record<Builder['design'], string>> = {
  'vmap-notifier': 'vq->desc/avail/used = new addresses; vhost_uninit_vq_vmaps(vq);',
  'direct-map-rcu': 'vhost_uninit_vq_maps(vq); vq->desc/avail/used = new addresses; vhost_setup_vq_uaddr(vq);',
  'kmap-seq': 'if (write) set_page_dirty(userringpage); userringpage = NULL; vq->desc/avail/used = new addresses;',
  'interval-notifier':
    'mmu_interval_notifier_remove(&vq->notifier);  /* waits for an invalidation in progress */ drop the pointer; new addresses; mmu_interval_notifier_insert();',
  'interval-mutex':
    'mmu_interval_notifier_remove(&vq->notifier);  /* waits for an invalidation in progress */ drop the pointer; new addresses; mmu_interval_notifier_insert();',
};

/**
 * VHOST_SET_VRING_ADDR: vhost_net_ioctl holds dev->mutex (so two vring ioctls never overlap), then vq->mutex.
 * RFC V2 5/5 (in vhost_vring_ioctl, around every vring ioctl) and 7f466032dc9e (vhost_vring_set_num_addr) unregister
 * the notifier first, so the callback may read the addresses without a lock, and register it again after without
 * checking the result; Andrea's proposal and the interval notifier keep it registered.
 */
function setVringAddr(b: Builder): Line[] {
  const reregister = b.design === 'vmap-notifier' || b.design === 'direct-map-rcu';
  const rfcV2 = b.design === 'vmap-notifier';
  return [
    {
      op: 'ioctl-lock',
      fn: rfcV2 ? 'vhost_vring_ioctl' : 'vhost_vring_set_num_addr',
      code: 'mutex_lock(&vq->mutex);  /* the caller, vhost_net_ioctl, already holds dev->mutex */',
      explain:
        'QEMU changes the ring address (VHOST_SET_VRING_ADDR) under the device mutex and the vq mutex: no other vring ioctl runs meanwhile.',
    },
    ...(reregister
      ? ([
          {
            op: 'notifier-unregister',
            fn: 'mmu_notifier_unregister',
            code: 'mmu_notifier_unregister(&d->mmu_notifier, d->mm);  /* ends in synchronize_srcu() */',
            explain:
              'Takes vhost’s notifier off the list and waits for every callback already running to return, all while holding vq->mutex.',
            point: 'range-count',
          },
        ] satisfies Line[])
      : []),
    {
      op: 'set-addr',
      fn: rfcV2 ? 'vhost_vring_ioctl' : 'vhost_vring_set_num_addr',
      code: SET_ADDR_CODE[b.design] ?? 'vq->desc/avail/used = new addresses;',
      explain: 'The cached pointers are dropped and the ring now lives at other pages.',
      point: 'range-count',
    },
    ...(reregister
      ? ([
          {
            op: 'notifier-register',
            fn: 'mmu_notifier_register',
            code: 'mmu_notifier_register(&d->mmu_notifier, d->mm);  /* return value not checked; down_write(mmap_sem); mm_take_all_locks(): -EINTR on a pending signal */',
            explain:
              'Registering takes mmap_sem for write and every rmap lock, so it waits for invalidations in progress; invalidate_count is not reset. A pending signal makes it fail with no mmgrab, and the error is ignored.',
            point: 'range-count',
          },
        ] satisfies Line[])
      : []),
    {
      op: 'ioctl-unlock',
      fn: 'mutex_unlock',
      code: 'mutex_unlock(&vq->mutex);',
      explain: 'The worker may run again, at the new address.',
    },
  ];
}

/** write_cache_pages → clear_page_dirty_for_io → page_mkclean → ->writepage (mm/page-writeback.c, mm/rmap.c; v5.0). */
function writeback(b: Builder): Line[] {
  return [
    {
      ...lockPage('lock_page'),
      fn: 'write_cache_pages → lock_page',
      code: 'lock_page(page);',
      explain: 'Writeback locks each dirty page of the file; clear_page_dirty_for_io requires the page lock.',
    },
    {
      op: 'wb-if-dirty',
      fn: 'write_cache_pages',
      code: 'if (!PageDirty(page)) goto continue_unlock;',
      explain: 'A clean page is not written.',
      to: 'wb-unlock',
    },
    ...start(b, PAGE_LOCKED),
    {
      op: 'mkclean',
      fn: 'page_mkclean_one',
      code: 'entry = ptep_clear_flush(); set_pte_at(pte_mkclean(pte_wrprotect(entry)));  /* MMU_NOTIFY_PROTECTION_PAGE */',
      explain:
        'Every user PTE of the page is write-protected and cleaned, so the next user write faults and dirties the page again; a kernel alias is not affected.',
      point: 'dirty-bit',
    },
    ...end(b, PAGE_LOCKED),
    {
      op: 'writepage',
      fn: 'clear_page_dirty_for_io → ->writepage',
      code: 'if (page_mkclean(page)) set_page_dirty(page); if (TestClearPageDirty(page)) mapping->a_ops->writepage(page);',
      explain: 'PG_dirty is cleared and the page is written to the file as it is now.',
    },
    {
      op: 'unlock-page',
      fn: 'unlock_page',
      code: 'unlock_page(page);',
      explain: 'Writeback is done with the page.',
      label: 'wb-unlock',
    },
  ];
}

export function mmLines(spec: MmThreadSpec, scenario: Scenario): Line[] {
  const b = {
    design: scenario.design,
    bugs: scenario.bugs,
    memory: memoryOf(scenario),
    backing: scenario.backing,
    vqs: scenario.vqs,
  };
  switch (spec.kind) {
    case 'munmap':
      return munmap(b);
    case 'munmap-batch-full':
      return munmapBatchFull(b);
    case 'oom-reap':
      return oomReap(b);
    case 'reclaim':
      return reclaim(b);
    case 'migrate':
      return migrate(b);
    case 'ksm':
      return ksm(b);
    case 'thp-split':
      return thpSplit(b);
    case 'set-vring-addr':
      return setVringAddr(b);
    case 'writeback':
      return writeback(b);
    case 'fork':
      return forkLines(b);
    case 'exit':
      return exitLines(b);
  }
}
