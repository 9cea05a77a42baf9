import type { CallCtx } from '../types';
import { END, type Line } from './line';
import { BLOCKABLE, type Builder, end, onlyEnd, range, start } from './mm-calls';

/** wp_page_copy calls ->invalidate_range from ptep_clear_flush_notify, under the PT lock but not the page lock. */
const FAULT_PT_LOCKED: CallCtx = { blockable: true, ptLock: true, pageLocked: false };

/**
 * fork() of a private mapping (copy_page_range, v5.0), then the parent's first write to a shared ring page
 * (do_wp_page → wp_page_copy, v5.0): alloc_page_vma and cow_user_page run before mmu_notifier_invalidate_range_start,
 * then the PT lock; the parent gets a copy, the old page stays with the child.
 */
export function forkLines(b: Builder): Line[] {
  return [
    ...start(b, BLOCKABLE, 'mmu_notifier_invalidate_range_start', 'fork'),
    {
      op: 'fork-copy',
      fn: 'copy_page_range → copy_one_pte',
      code: 'if (is_cow_mapping(vm_flags) && pte_write(pte)) { ptep_set_wrprotect(src_mm, addr, src_pte); pte = pte_wrprotect(pte); } get_page(page); page_dup_rmap(page);',
      explain:
        'QEMU forks: both processes now map the same frames read-only (mapcount 2); a kernel pointer to them is not affected.',
      point: 'cow',
    },
    ...end(b, BLOCKABLE),
    {
      op: 'tlb-flush',
      fn: 'dup_mmap → flush_tlb_mm',
      code: 'flush_tlb_mm(oldmm);',
      explain: 'The parent’s stale writable TLB entries are flushed after every VMA is copied.',
    },
    {
      op: 'cow-fault',
      fn: 'handle_mm_fault → do_wp_page',
      code: 'if (!pte_write(*pte)) do_wp_page();  /* QEMU (or the guest, through KVM) writes the ring page */',
      explain: 'QEMU’s side writes to a ring page still shared with the child: a write fault on a read-only PTE.',
      to: END,
      point: 'cow',
    },
    {
      op: 'cow-copy',
      fn: 'wp_page_copy → alloc_page_vma + cow_user_page',
      code: 'new_page = alloc_page_vma(); cow_user_page(new_page, old_page);  /* before mmu_notifier_invalidate_range_start */',
      explain:
        'The contents are copied into a new frame first, before any notifier call: a store through a kernel alias after this copy is not in the new frame.',
      point: 'cow',
    },
    ...start(b, BLOCKABLE, 'mmu_notifier_invalidate_range_start', 'cow'),
    {
      op: 'cow-clear',
      fn: 'wp_page_copy → ptep_clear_flush_notify',
      code: 'pte_offset_map_lock();  /* re-check the pte: we dropped the lock */ if (pte_same(*pte, orig_pte)) ptep_clear_flush_notify(vma, addr, pte);  /* ->invalidate_range */',
      explain:
        'Under the PT lock, taken again after the copy, the PTE is cleared and flushed, and ->invalidate_range is called right there: between the clear and the new PTE, where nothing may sleep.',
      point: 'cow',
    },
    ...range(b, FAULT_PT_LOCKED),
    {
      op: 'cow-set',
      fn: 'wp_page_copy → set_pte_at_notify',
      code: 'set_pte_at_notify(mm, addr, pte, mk_pte(new_page));  /* ->change_pte */ page_remove_rmap(old_page); pte_unmap_unlock();',
      explain:
        'QEMU’s PTE now maps the private copy; ->change_pte tells a secondary MMU the new pfn (no vhost design implements it); the old page is left to the child.',
      point: 'cow',
    },
    ...onlyEnd(
      b,
      BLOCKABLE,
      'ptep_clear_flush_notify already called ->invalidate_range, so wp_page_copy ends with the _only_end variant.',
    ),
  ];
}
