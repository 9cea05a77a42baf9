import { report, type StepReporting } from '../context';

/** What mmu_notifier_register waits for and what a failed one leaves behind, shared by the objects and the words. */

/** Mm events whose whole call runs under mmap_sem (do_munmap and dup_mmap for write; the OOM reaper, ksmd and a fault for read). */
export const MMAP_SEM_KINDS: ReadonlySet<string> = new Set(['munmap', 'munmap-batch-full', 'oom-reap', 'ksm', 'fork']);

/**
 * mmu_notifier_unregister ends in mmdrop() whether or not the notifier was registered (mm/mmu_notifier.c, v5.2): with
 * no registration there was no mmgrab, so this drop takes mm_count below the references still held.
 */
export function reportUnbalancedMmdrop(ctx: StepReporting): void {
  report(
    ctx,
    'mm-refcount-underflow',
    [],
    'mmu_notifier_unregister() drops an mm_count reference (mmdrop) that the failed mmu_notifier_register() never took: mm_count is now one below the references held, so a later mmdrop frees the mm_struct while it is still in use (syzbot: __mmdrop’s WARN_ON_ONCE(mm == current->active_mm), from exit_mm → mmput).',
    'Check mmu_notifier_register()’s return value and unregister only a notifier that is registered (Jason Wang, "[PATCH V2 2/9] vhost: validate MMU notifier registration", 2019-07-31).',
  );
}
