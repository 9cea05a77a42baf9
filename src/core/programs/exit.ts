import type { DesignId } from '../types';
import type { Line } from './line';
import { type Builder, reuse } from './mm-calls';

/** vhost_dev_cleanup's teardown of each design: what it unregisters, what ->release it has, what it dirties. */
const TEARDOWN: Readonly<Record<DesignId, { code: string; explain: string }>> = {
  'copy-user': {
    code: 'kthread_stop(dev->worker); mmput(dev->mm);  /* no notifier, no kernel pointer */',
    explain: 'copy_*_user keeps no pointer into QEMU’s pages: nothing to tear down.',
  },
  'vmap-pinned': {
    code: 'kthread_stop(dev->worker); mmput(dev->mm);  /* V1: no notifier; the worker already did vunmap + release_pages */',
    explain: 'V1 registers no notifier; its pin ended with the ring, before the worker stopped.',
  },
  'vmap-notifier': {
    code: 'kthread_stop(dev->worker); vhost_uninit_vq_vmaps(vq);  /* vunmap */ mmu_notifier_unregister(&dev->mmu_notifier, dev->mm);  /* ops: .invalidate_range only, no .release */ mmput(dev->mm);',
    explain:
      'RFC V2 vunmaps, then unregisters; it has no ->release and does not need one, because its notifier leaves the list before vhost drops the mm_users reference that keeps exit_mmap from running.',
  },
  'kmap-seq': {
    code: 'kthread_stop(dev->worker); mmu_notifier_unregister(&dev->mmu_notifier, dev->mm); if (write) set_page_dirty(userringpage); userringpage = NULL; mmput(dev->mm);',
    explain:
      'The proposal names no ->release; the teardown dirties and drops the pointer as start would, then leaves the list before dropping mm_users.',
  },
  'direct-map-rcu': {
    code: 'vhost_vq_reset(): invalidate_count = 0; vhost_reset_vq_maps() → vhost_uninit_vq_maps();  /* synchronize_rcu(), no set_page_dirty */ kthread_stop(dev->worker); mmu_notifier_unregister(&dev->mmu_notifier, dev->mm);  /* no .release; not checked against a failed register */ mmput(dev->mm);',
    explain:
      'The merged code resets each vq first (its maps dropped without dirtying them, mst’s item 5, harmless here because anonymous pages are freed), then stops the worker, unregisters and calls mmput; it has no ->release either.',
  },
  'interval-notifier': {
    code: 'kthread_stop(dev->worker); mmu_interval_notifier_remove(&vq->notifier); if (write) set_page_dirty(userringpage); userringpage = NULL; mmput(dev->mm);',
    explain:
      'An interval subscription still in the tree at exit_mmap would get ->invalidate with MMU_NOTIFY_RELEASE (mn_itree_release, v5.5); vhost removes it first.',
  },
  'interval-mutex': {
    code: 'kthread_stop(dev->worker); mmu_interval_notifier_remove(&vq->notifier); if (write) set_page_dirty(userringpage); userringpage = NULL; mmput(dev->mm);',
    explain:
      'An interval subscription still in the tree at exit_mmap would get ->invalidate with MMU_NOTIFY_RELEASE (mn_itree_release, v5.5); vhost removes it first.',
  },
};

/**
 * QEMU exits (kernel/exit.c: do_exit, v5.0): exit_mm drops QEMU's mm_users, but vhost_dev_set_owner's get_task_mm
 * keeps the mm until vhost_dev_cleanup's mmput; only then does exit_mmap call mmu_notifier_release and free the pages.
 */
export function exitLines(b: Builder): Line[] {
  const teardown = TEARDOWN[b.design];
  return [
    {
      op: 'exit-mm',
      fn: 'do_group_exit → do_exit → exit_mm → mmput',
      code: 'zap_other_threads();  /* SIGKILL pending in every other thread */ exit_mm(); mmput(mm);  /* vhost’s get_task_mm() reference remains */',
      explain:
        'QEMU exits (do_group_exit sends SIGKILL to its other threads), but VHOST_SET_OWNER took an mm_users reference with get_task_mm, so the address space outlives the process: exit_mmap does not run yet.',
      point: 'release',
    },
    {
      op: 'exit-stop-worker',
      fn: 'exit_files → fput → vhost_net_release',
      code: 'vhost_net_stop(n, &tx_sock, &rx_sock); vhost_net_flush(n);  /* vhost_poll_flush → vhost_work_flush */ vhost_dev_stop(&n->dev);',
      explain:
        'The last fput of the vhost fd (after any ioctl in flight has returned) detaches the backends and flushes the queued work, so the worker runs no more rounds.',
    },
    { op: 'exit-teardown', fn: 'vhost_dev_cleanup', ...teardown, point: 'release' },
    {
      op: 'exit-release',
      fn: 'mmput → exit_mmap → mmu_notifier_release',
      code: 'mmu_notifier_release(mm);  /* each registered ->release, then the list is emptied */',
      explain:
        'The last mm_users reference is gone: ->release of every notifier still on the list runs before any page is freed.',
      point: 'release',
    },
    {
      op: 'zap',
      fn: 'exit_mmap → unmap_vmas',
      code: 'unmap_vmas(&tlb, vma, 0, -1);  /* start/end reach no notifier that ->release removed */',
      explain: 'Every PTE of QEMU’s mappings is cleared; the pages go to the gather batch.',
    },
    {
      op: 'tlb-flush',
      fn: 'exit_mmap → tlb_finish_mmu',
      code: 'tlb_finish_mmu(): flush_tlb_range();',
      explain: 'The flush before the pages are freed.',
    },
    {
      op: 'free-batch',
      fn: 'exit_mmap → tlb_finish_mmu',
      code: 'free_pages_and_swap_cache(batch);',
      explain: 'QEMU’s pages are freed.',
    },
    reuse,
  ];
}
