import type { ChapterId } from './chapter-ids';
import type { Prediction } from './predict';
import type { SourceId } from './sources';

/**
 * One stop of the guided tour: a built-in scenario replayed along its story to `step`, Ringside's own narration
 * (never the mail's words) and the sources each statement rests on.
 */
export interface Chapter {
  id: ChapterId;
  title: string;
  scenarioId: string;
  /** The step shown: the scenario's story replayed this far. */
  step: number;
  narration: readonly string[];
  cites: readonly SourceId[];
  /** Asked before the chapter's next step is shown. */
  predict?: Prediction;
}

/** In the order the review thread argues, from why vhost wanted kernel pointers to what the kernel did later. */
export const chapters: readonly Chapter[] = [
  {
    id: 'why-kernel-pointers',
    title: 'Why kernel pointers at all',
    scenarioId: 'copy-user-baseline',
    step: 2,
    narration: [
      'Today vhost reads and writes each ring field with __get_user, __put_user and friends. On x86 every such access opens and closes user access with stac/clac (SMAP); since the Spectre v1 hardening (b3bbfb3fb5d2) the reads (__get_user, copy_from_user) also pay a speculation barrier, while __put_user and copy_to_user do not.',
      'Ring metadata is a few bytes per packet, so that fixed cost dominates. RFC V2 5/5 measured, on a 2.6 GHz Broadwell, 5.0 to 6.1 Mpps with SMAP on and 6.6 to 7.4 Mpps with it off; V1 had reported about 5.0 to 6.1 Mpps. The figures panel under Compare two designs lists each version with its setup.',
      'The counters of this step count one stac/clac pair: the cost the series set out to remove.',
    ],
    cites: ['uaccess-nospec', 'rfc-v2-5-5', 'v1-cover'],
  },
  {
    id: 'v1-long-term-pin',
    title: "V1's long-term pin and what it blocks",
    scenarioId: 'v1-pin-blocks-migration',
    step: 11,
    narration: [
      'V1 pinned the three ring pages with get_user_pages_fast when the ring was set up and kept them for the life of the ring, with a vmap alias on top.',
      'A pinned page carries a reference nobody else accounts for. Migration compares the page count with what it expects and gives up (-EAGAIN), so here the page stays where it is; KSM refuses to merge it for the same reason.',
      'The December 2018 V2 dropped the pin and relied on an MMU notifier instead, which is what the rest of the thread is about.',
    ],
    cites: ['v1-cover', 'get-user-pages-fast', 'migrate-move-mapping', 'ksm-write-protect'],
  },
  {
    id: 'vmap-on-thp',
    title: 'vmap: 4K PTEs and flushes, whatever backs the guest',
    scenarioId: 'tlb-reach-vmap-thp',
    step: 9,
    narration: [
      'RFC V2 mapped the ring pages with vmap. vmap writes one 4K PTE per page into the vmalloc area, and vunmap clears them without flushing: the TLB flush waits for a lazy purge.',
      'Here QEMU backs the guest with a transparent huge page, yet vhost reaches the ring through three 4K vmalloc entries. On plain 4K memory the user mapping also needs 4K entries, so there vmap costs the PTE writes and flushes rather than reach; on THP and 1G hugetlbfs it also loses the large entries.',
    ],
    cites: ['vmap-pte-range', 'vunmap-lazy', 'andrea-0308'],
  },
  {
    id: 'kmap-on-1g',
    title: 'kmap: the direct map is already there',
    scenarioId: 'tlb-reach-kmap-1g',
    step: 9,
    narration: [
      'On x86-64 there is no highmem, so kmap_atomic returns the page’s direct-map address: no page table to build, nothing to flush.',
      'The direct map uses 2M pages, or 1G pages when the CPU has them, independently of how QEMU backs the guest: one 1G entry here covers all three ring pages. Andrea made this point, and Jerome agreed kmap would be faster for a handful of pages.',
    ],
    cites: ['kmap-atomic', 'probe-page-size-mask', 'andrea-0308', 'jerome-0308'],
  },
  {
    id: 'no-mutex-in-invalidate-range',
    title: '->invalidate_range cannot take a mutex',
    scenarioId: 'rfc-v2-rmap-mutex',
    step: 4,
    narration: [
      'RFC V2 used only ->invalidate_range, and its callback takes vq->mutex to vunmap. Reclaim calls that callback from try_to_unmap_one while it holds the page-table spinlock, so the mutex sleeps in atomic context.',
      'mst also noticed that the page lock, taken by set_page_dirty_lock under the vq mutex, meets the same mutex in the notifier: broken for KSM and rmap, which call it with the page locked. Andrea answered that the callback may take at most a spinlock or a trylock, and that the design had to go back to the _start/_end pair.',
    ],
    cites: ['rfc-v2-5-5', 'try-to-unmap-one', 'notifier-ops', 'mst-0307', 'andrea-0307'],
  },
  {
    id: 'cow-fault',
    title: 'A COW fault: the callback between the clear and the set',
    scenarioId: 'rfc-v2-cow-ptl',
    step: 23,
    narration: [
      'After a fork, the ring pages are shared with the child and write-protected. The next write faults: do_wp_page sends a shared page to wp_page_copy, which copies it into a new page, then, holding the page-table lock, clears the old PTE with ptep_clear_flush_notify (which calls ->invalidate_range) and only then maps the new page with set_pte_at_notify.',
      'This is the case Andrea gave for ->invalidate_range: when the page behind an address changes, a secondary MMU must drop it between the clear and the set, and the callback cannot sleep there. RFC V2’s callback takes vq->mutex at that point: sleep in atomic context. The scenario assumes ring memory that is not MADV_DONTFORK, which QEMU sets on guest RAM.',
    ],
    cites: ['wp-page-copy', 'andrea-0307', 'rfc-v2-5-5'],
  },
  {
    id: 'gup-then-put-page',
    title: 'gup_fast, then put_page at once',
    scenarioId: 'gup-munmap-uaf',
    step: 4,
    narration: [
      'Andrea’s proposal: find the pages with gup_fast, drop the references straight away with put_page, and rely on the notifier, not a reference, to say when a page goes away. KVM maps guest memory the same way.',
      'gup_fast runs with interrupts off and re-checks the PTE after taking its speculative reference, so it never grabs a page that is already being freed.',
    ],
    cites: ['andrea-0308', 'get-user-pages-fast', 'jerome-0308'],
    predict: { kind: 'refcount', ringPage: 0 },
  },
  {
    id: 'race-window',
    title: 'The window between gup_fast and publishing',
    scenarioId: 'gup-munmap-uaf',
    step: 5,
    narration: [
      'vhost now holds no reference and has not yet published the pointer. If munmap’s start runs in this window it finds nothing to clear, zaps the PTEs and frees the pages once it has flushed.',
      'This scenario skips the seq/count check, so vhost publishes the stale pages anyway and, at step 14, reads freed memory: a use-after-free.',
    ],
    cites: ['andrea-0308', 'zap-page-range', 'notifier-ops'],
    predict: { kind: 'next-thread', hazard: 'use-after-free' },
  },
  {
    id: 'invalidate-clears-pointer',
    title: 'Why invalidate must clear the pointer',
    scenarioId: 'thp-split-spurious',
    step: 12,
    narration: [
      'Once invalidate_range_start has returned, the mm side may free any page of the range, so the notifier must stop every later use before it returns. Setting the cached userringpage pointer to NULL under the lock vhost uses does that: the next access sees NULL and goes back through gup_fast.',
      'This start also marks the written page dirty, as Andrea asked. The THP split that follows moves nothing, so this invalidation costs a re-gup but is not a bug.',
    ],
    cites: ['notifier-ops', 'andrea-0308', 'split-huge-pmd'],
  },
  {
    id: 'seq-count-retry',
    title: 'The sequence counter and the in-progress count',
    scenarioId: 'gup-munmap-seq-retry',
    step: 8,
    narration: [
      'The same race as before, with the check: vhost snapshots mmu_seq before gup_fast and, under the notifier’s spinlock, publishes only if no invalidation is in progress (count is zero) and none ended since (seq unchanged). Otherwise it runs gup_fast again.',
      'Here count is 1, so vhost retries; the retry fails on the zapped PTE and this round falls back to copy_*_user. KVM’s mmu_notifier_retry is the same check.',
    ],
    cites: ['andrea-0308', 'kvm-retry'],
  },
  {
    id: 'smp-rmb',
    title: 'The smp_rmb between the seq snapshot and gup_fast',
    scenarioId: 'rmb-reorder',
    step: 11,
    narration: [
      'The seq snapshot must be read before gup_fast reads the PTE. Without smp_rmb, arm64 and POWER may satisfy the loads in the other order: here gup_fast saw the old PTE at step 3, but the snapshot taken at step 11 already includes the finished invalidation, so the check passes and the freed pages are published.',
      'x86 does not reorder loads with loads, so there smp_rmb is only a compiler barrier. KVM’s MIPS fault path spells out this pairing. mst raised it against the merged code, then withdrew it the same day: Jason Gunthorpe pointed out that the merged prefetch holds vq->mmu_lock across __get_user_pages_fast, and the spinlock orders the loads (“So prefetch holds the spinlock the whole time. Sorry about the noise.”). The pairing matters for a lockless check such as this one.',
    ],
    cites: ['kvm-mips-map-page', 'kvm-retry', 'mst-rmb', 'mst-rmb-withdrawn'],
  },
  {
    id: 'set-page-dirty-at-invalidate',
    title: 'Why set_page_dirty at invalidate',
    scenarioId: 'swapout-lost-write',
    step: 12,
    narration: [
      'vhost writes used.idx through the direct map, which never sets the dirty bit of QEMU’s PTE. Reclaim moves only that PTE bit to the page before it decides whether to write the page out.',
      'This guest memory is shmem and the scenario leaves out the set_page_dirty in start, so the page looks clean, is dropped without being written, and the next read brings back an old used.idx: a lost write at step 17.',
    ],
    cites: ['try-to-unmap-one', 'shrink-page-list', 'set-page-dirty', 'andrea-0308'],
    predict: { kind: 'dirty', ringPage: 2 },
  },
  {
    id: 'merged-and-reverted',
    title: 'What the merged version got wrong',
    scenarioId: 'merged-rcu-revert',
    step: 17,
    narration: [
      'The code merged in the v5.3 merge window (7f466032dc9e) used the direct map, a spinlock and RCU: its start unpublishes a live map and waits in synchronize_rcu, a grace period that mst warned lets one guest slow every other VM’s memory management.',
      'syzbot’s __mmdrop report led mst to list more: registering the notifier from SET_VRING_ADDR (he feared without the device mutex; Jason Wang answered that vhost_net_ioctl already holds it), a leaked map, a count that goes out of sync when the ring moves between start and end (run on to see the count left at 1), and pages not dirtied on teardown. The warning itself came from a register that failed with -EINTR and was not checked, so QEMU’s exit dropped a reference twice (built-in merged-mmdrop-exit). After disabling it (73f628ec9e6b), mst reverted it before v5.3 was released (3d2c7d370475).',
    ],
    cites: [
      'vhost-invalidate-start',
      'mst-mmdrop',
      'mst-mmdrop-latency',
      'jasowang-dev-mutex',
      'validate-registration',
      'disable-commit',
      'revert-commit',
      'net-next-0524',
    ],
  },
  {
    id: 'interval-notifier',
    title: 'mmu_interval_notifier: the same idea, packaged',
    scenarioId: 'interval-notifier-safe',
    step: 9,
    narration: [
      'In v5.5 Jason Gunthorpe added mmu_interval_notifier, whose commit names vhost among the drivers with hand-made notifier schemes. The mm core keeps the sequence: odd while an invalidation of the interval is running, even again when it ends.',
      'The callback calls mmu_interval_set_seq under the driver’s lock, and the reader checks mmu_interval_read_retry under the same lock, exactly the seq-and-count check of Andrea’s mail. Here the check fails and vhost retries. vhost itself never adopted it.',
    ],
    cites: ['interval-commit', 'interval-set-seq', 'interval-read-retry'],
  },
];
