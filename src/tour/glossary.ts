/**
 * The tour's glossary: the terms the chapters lean on and the people the thread names, in Ringside's own words.
 * Facts follow /work/shared/reference/kernel-facts.md and the v5.0–v5.5 sources cited in docs/model.md.
 */
export interface GlossaryEntry {
  term: string;
  text: string;
}

export const GLOSSARY_TERMS: readonly GlossaryEntry[] = [
  {
    term: 'virtqueue',
    text: 'The queue a virtio driver in the guest shares with its device, here vhost-net in the host kernel. A split virtqueue has three areas in guest memory, each at its own address.',
  },
  {
    term: 'desc / avail / used',
    text: 'The descriptor table (buffers: address, length, flags), the available ring (chains the guest offers) and the used ring (chains the device has finished, with used.idx, which the guest polls).',
  },
  {
    term: 'gup_fast',
    text: 'get_user_pages_fast: walks a process’s page tables without mmap_sem, with interrupts off, and takes a reference on each page it finds; on a missing or read-only entry it falls back to the slow path, which faults the page in.',
  },
  {
    term: 'MMU notifier',
    text: 'Callbacks the mm core calls when part of a process’s address space is about to change (unmap, reclaim, migration, KSM, COW), so a second user of those mappings (KVM, RDMA, vhost) drops its own copy.',
  },
  {
    term: 'start / end / ->invalidate_range',
    text: 'invalidate_range_start runs before the PTEs change, while the pages are still mapped and referenced, and may sleep unless the range is non-blockable; invalidate_range_end runs when the change is done. ->invalidate_range runs when a PTE has been cleared and flushed, sometimes under the PT lock, so it must not sleep; _end calls it too.',
  },
  {
    term: 'PT lock',
    text: 'The spinlock of a page-table page (pte_offset_map_lock). Whoever changes a PTE holds it, so nothing that sleeps may run while it is held.',
  },
  {
    term: 'KSM',
    text: 'Kernel Samepage Merging: ksmd finds identical anonymous pages and maps them all to one write-protected page, holding the page lock while it replaces the PTEs.',
  },
  {
    term: 'THP',
    text: 'Transparent Huge Pages: anonymous memory mapped in 2M pages by one PMD entry; splitting one maps the same memory with 512 4K PTEs.',
  },
  {
    term: 'userringpage',
    text: 'Andrea’s name for the struct page pointer vhost caches for a ring page. The designs spell it vq->ptr (here), vq->maps[] (the merged code) or vq->map (the vmap alias of RFC V2).',
  },
];

export const GLOSSARY_PEOPLE: readonly GlossaryEntry[] = [
  {
    term: 'Jason Wang',
    text: 'Red Hat; wrote the series, from V1 (December 2018) to the version merged for v5.3, and the fixes that followed it.',
  },
  {
    term: 'Andrea Arcangeli',
    text: 'Red Hat mm developer, author of Transparent Huge Pages and of the 2008 commit that added MMU notifiers to Linux (“mmu-notifiers: core”, v2.6.27; its core patch is also signed off by Nick Piggin and Christoph Lameter of SGI); in March 2019 proposed kmap instead of vmap, put_page right after gup_fast, and the sequence counter plus in-progress count.',
  },
  {
    term: 'Jerome Glisse',
    text: 'Red Hat; author of HMM (heterogeneous memory management); agreed that kmap would be faster for a handful of pages and planned a gup_fast that takes no reference.',
  },
  {
    term: 'Michael S. Tsirkin (mst)',
    text: 'Maintainer of vhost and virtio; questioned taking the page lock under vq->mutex in March, queued the merged version in June, then listed its bugs, disabled it and reverted it before v5.3.',
  },
  {
    term: 'Jason Gunthorpe',
    text: 'RDMA maintainer; reviewing the fixes in July and August 2019 he called the scheme an open-coded seqlock, asked for a real blocking lock and suggested the revert; he then wrote mmu_interval_notifier (v5.5).',
  },
];
