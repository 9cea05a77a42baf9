/**
 * Points of the 2019 review that individual steps illustrate, in Ringside's own words (never quoted mail).
 * Links go to the public archive; lore.kernel.org resolves a Message-ID.
 */
export interface ThreadPoint {
  id: string;
  who: string;
  date: string;
  paraphrase: string;
  url: string;
}

const LORE = 'https://lore.kernel.org/all/';
const ANDREA_0308 = `${LORE}20190308194845.GC26923@redhat.com/`;
const ANDREA_0307 = `${LORE}20190307191622.GP23850@redhat.com/`;
const JEROME_0308 = `${LORE}20190308200609.GA6969@redhat.com/`;
const MST_0307 = `${LORE}20190307124700-mutt-send-email-mst@kernel.org/`;
const PATCH_5_5 = `${LORE}1551856692-3384-6-git-send-email-jasowang@redhat.com/`;
const MMDROP = `${LORE}?q=%22WARNING+in+__mmdrop%22`;
const ELIXIR = 'https://elixir.bootlin.com/linux/v5.3.1/source/';

export const threadPoints: readonly ThreadPoint[] = [
  {
    id: 'gup-put',
    who: 'Andrea Arcangeli',
    date: '2019-03-08',
    paraphrase:
      'Right after gup_fast returns, the page reference can be dropped again; he would even like a gup_fast that takes no reference at all.',
    url: ANDREA_0308,
  },
  {
    id: 'no-pin',
    who: 'Jason Wang (V2, December 2018; kept in RFC V2)',
    date: '2018-12',
    paraphrase:
      'The December 2018 V2 stopped pinning the ring pages, counting on the MMU notifier to say when they go away; RFC V2 (March 2019) kept that and drops the references right after gup.',
    url: PATCH_5_5,
  },
  {
    id: 'pin',
    who: 'Jason Wang (V1)',
    date: '2018-12-13',
    paraphrase:
      'V1 pinned the ring pages for as long as the ring existed; a pinned page cannot be migrated or merged by KSM.',
    url: `${LORE}?q=%22accelerate+metadata+access+through+vmap%22`,
  },
  {
    id: 'seq-count',
    who: 'Andrea Arcangeli',
    date: '2019-03-08',
    paraphrase:
      'Check a sequence counter and an in-progress count that the notifier’s start and end update; if gup_fast raced with an invalidation, simply run gup_fast again.',
    url: ANDREA_0308,
  },
  {
    id: 'clear-pointer',
    who: 'Andrea Arcangeli',
    date: '2019-03-08',
    paraphrase:
      'The invalidate callback only has to set the cached struct page pointer to NULL, and set_page_dirty it first when it was mapped for writing.',
    url: ANDREA_0308,
  },
  {
    id: 'kmap-direct',
    who: 'Andrea Arcangeli, Jerome Glisse',
    date: '2019-03-08',
    paraphrase:
      'With kmap there are no page tables to build and no TLB to flush on 64-bit: the direct map already covers the page. Jerome agreed kmap will be faster for a handful of pages.',
    url: JEROME_0308,
  },
  {
    id: 'vmap-4k',
    who: 'Andrea Arcangeli',
    date: '2019-03-08',
    paraphrase:
      'vmap always uses 4K TLB entries, even when QEMU runs on THP or 1G hugetlbfs; for three pages its linearity does not pay off.',
    url: ANDREA_0308,
  },
  {
    id: 'dirty-bit',
    who: 'Andrea Arcangeli',
    date: '2019-03-08',
    paraphrase:
      'Pages written through a kernel mapping must be marked dirty at invalidate time, or reclaim can drop them as clean.',
    url: ANDREA_0308,
  },
  {
    id: 'dirty-lock',
    who: 'Michael S. Tsirkin',
    date: '2019-03-07',
    paraphrase:
      'set_page_dirty_lock takes the page lock; with the vq mutex also taken in the notifier this looks broken for KSM and rmap, which call the notifier with the page locked.',
    url: MST_0307,
  },
  {
    id: 'no-mutex',
    who: 'Andrea Arcangeli',
    date: '2019-03-07',
    paraphrase:
      '->invalidate_range runs under the page-table lock: it cannot take a mutex or the page lock, only a spinlock or trylock; the design must go back to _start/_end.',
    url: ANDREA_0307,
  },
  {
    id: 'start-contract',
    who: 'include/linux/mmu_notifier.h',
    date: 'v5.0–v5.3',
    paraphrase:
      'invalidate_range_start is called while the pages are still mapped and referenced; once it returns, they may be freed at any time.',
    url: `${ELIXIR}include/linux/mmu_notifier.h`,
  },
  {
    id: 'free-after-start',
    who: 'mm/memory.c (v5.3)',
    date: 'v5.3',
    paraphrase:
      'A full mmu_gather batch flushes the TLB and frees pages in the middle of the walk, between start and end.',
    url: `${ELIXIR}mm/memory.c`,
  },
  {
    id: 'interval',
    who: 'Jason Gunthorpe',
    date: '2019-11',
    paraphrase:
      'The later mmu_interval_notifier turns the per-driver seq/count scheme into one collision-retry helper with an odd/even sequence.',
    url: `${LORE}?q=%22add+an+interval+tree+notifier%22`,
  },
  {
    id: 'blocking-lock',
    who: 'Jason Gunthorpe',
    date: '2019-08-06',
    paraphrase:
      'Reviewing the fixes to the merged code, he said the worker and the notifier need a real sleeping lock between them, not an open-coded scheme of spinning and sequence counts.',
    url: `${LORE}?q=f%3Ajgg+vhost+d%3A20190805..20190807`,
  },
  {
    id: 'rcu-latency',
    who: 'Michael S. Tsirkin',
    date: '2019-07-23',
    paraphrase:
      'synchronize_rcu in the notifier lets one guest slow every other VM’s memory management: its latency on a busy host is very high.',
    url: MMDROP,
  },
  {
    id: 'range-count',
    who: 'Michael S. Tsirkin',
    date: '2019-07-23',
    paraphrase:
      'If the ring address changes between start and end, an overlap-dependent counter goes negative or out of sync.',
    url: MMDROP,
  },
  {
    id: 'eagain',
    who: 'Jason Gunthorpe (via V5 9/9)',
    date: '2019-08',
    paraphrase:
      'Refusing every non-blockable invalidation was too early: only a range that overlaps the ring should make the OOM reaper back off.',
    url: `${LORE}?q=%22metadata+acceleration%22+EAGAIN`,
  },
  {
    id: 'cow',
    who: 'Andrea Arcangeli',
    date: '2019-03-07',
    paraphrase:
      'When a PTE changes to another pfn, as in a COW fault, ->invalidate_range is called between clearing the old PTE and setting the new one, under the page-table lock, so it must not sleep.',
    url: ANDREA_0307,
  },
  {
    id: 'release',
    who: 'mm/mmu_notifier.c (v5.0)',
    date: 'v5.0',
    paraphrase:
      'exit_mmap calls each registered ->release before freeing the pages; it runs only once mm_users is zero, which vhost’s get_task_mm reference prevents until vhost_dev_cleanup has unregistered.',
    url: `${ELIXIR}mm/mmu_notifier.c`,
  },
  {
    id: 'thp-split',
    who: 'mm/huge_memory.c',
    date: 'v5.3',
    paraphrase:
      'Splitting a THP notifies the whole 2M range although nothing moves: a spurious teardown, a cost rather than a bug.',
    url: `${ELIXIR}mm/huge_memory.c`,
  },
];

export function threadPoint(id: string | undefined): ThreadPoint | undefined {
  return id ? threadPoints.find((p) => p.id === id) : undefined;
}
