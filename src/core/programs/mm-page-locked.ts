import { END, type Line } from './line';
import { type Builder, end, PAGE_LOCKED, PT_LOCKED, range, reuse, start } from './mm-calls';

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
export function reclaim(b: Builder): Line[] {
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

export function migrate(b: Builder): Line[] {
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
export function ksm(b: Builder): Line[] {
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

/** write_cache_pages → clear_page_dirty_for_io → page_mkclean → ->writepage (mm/page-writeback.c, mm/rmap.c; v5.0). */
export function writeback(b: Builder): Line[] {
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
