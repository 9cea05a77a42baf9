import type { Backing, BugSwitch, DesignId, HazardKind, MemoryKind, MmEventKind, WarningKind } from './types';

export const DESIGNS: readonly DesignId[] = [
  'copy-user',
  'vmap-pinned',
  'vmap-notifier',
  'kmap-seq',
  'direct-map-rcu',
  'interval-notifier',
  'interval-mutex',
];
export const BACKINGS: readonly Backing[] = ['4k', 'thp', 'hugetlb-1g'];
export const MM_KINDS: readonly MmEventKind[] = [
  'munmap',
  'munmap-batch-full',
  'reclaim',
  'migrate',
  'ksm',
  'thp-split',
  'oom-reap',
  'set-vring-addr',
  'writeback',
  'fork',
  'exit',
];
export const MEMORY_KINDS: readonly MemoryKind[] = ['anonymous', 'shmem', 'file'];

export function memoryOf(scenario: { memory?: MemoryKind }): MemoryKind {
  return scenario.memory ?? 'anonymous';
}

/** The designs each bug switch can be applied to (it rewrites steps only these designs have). */
export const BUG_DESIGNS: Readonly<Record<BugSwitch, readonly DesignId[]>> = {
  'skip-seq-check': ['vmap-notifier', 'kmap-seq', 'direct-map-rcu', 'interval-notifier', 'interval-mutex'],
  'skip-set-page-dirty': ['vmap-notifier', 'kmap-seq', 'direct-map-rcu', 'interval-notifier', 'interval-mutex'],
  'no-smp-rmb': ['kmap-seq'],
  'dirty-lock-in-notifier': ['kmap-seq', 'direct-map-rcu', 'interval-notifier', 'interval-mutex'],
  'range-dependent-count': ['kmap-seq'],
  'eagain-nonblock': ['kmap-seq', 'interval-notifier'],
  'mutex-in-nonblock': ['interval-mutex'],
};
export const BUGS = Object.keys(BUG_DESIGNS) as BugSwitch[];

/** Backings an mm event can meet: hugetlbfs is never swapped, KSM merges only 4K pages, only THP splits. */
export const KIND_BACKINGS: Readonly<Record<MmEventKind, readonly Backing[]>> = {
  munmap: BACKINGS,
  'munmap-batch-full': BACKINGS,
  'oom-reap': ['4k', 'thp'],
  migrate: BACKINGS,
  reclaim: ['4k'],
  ksm: ['4k'],
  'thp-split': ['thp'],
  'set-vring-addr': ['4k'],
  writeback: ['4k'],
  fork: ['4k'],
  exit: BACKINGS,
};

/**
 * Memory kinds an mm event is modelled for: KSM merges only anonymous pages; writeback cleans file pages; unmapping
 * shmem or file memory leaves the pages in the page cache (only a hole punch frees them), which is not modelled; only
 * a private mapping is copied on write after fork (a shared one stays shared).
 */
export const KIND_MEMORY: Readonly<Record<MmEventKind, readonly MemoryKind[]>> = {
  munmap: ['anonymous'],
  'munmap-batch-full': ['anonymous'],
  'oom-reap': ['anonymous'],
  migrate: ['anonymous'],
  ksm: ['anonymous'],
  'thp-split': ['anonymous'],
  reclaim: MEMORY_KINDS,
  'set-vring-addr': MEMORY_KINDS,
  writeback: ['file'],
  fork: ['anonymous'],
  exit: ['anonymous'],
};

export const DESIGN_TITLES: Readonly<Record<DesignId, string>> = {
  'copy-user': 'copy_*_user (baseline)',
  'vmap-pinned': 'V1: pin + vmap',
  'vmap-notifier': 'RFC V2: vmap + ->invalidate_range',
  'kmap-seq': 'Andrea’s proposal: gup_fast + put_page + seq/count + kmap',
  'direct-map-rcu': 'Merged 7f466032dc9e: direct map + RCU',
  'interval-notifier': 'v5.5 mmu_interval_notifier',
  'interval-mutex': 'v5.5 mmu_interval_notifier + a mutex (Jason Gunthorpe’s blocking lock)',
};

/** Designs built on the v5.5 mmu_interval_notifier: the mm core keeps the interval tree's odd/even sequence. */
export function isIntervalDesign(design: DesignId): boolean {
  return design === 'interval-notifier' || design === 'interval-mutex';
}

/** The design's vq->mmu_lock is a mutex: sleeping under it is legal, and a non-blockable callback may only trylock it. */
export function mmuLockIsMutex(design: DesignId): boolean {
  return design === 'interval-mutex';
}

/** Every finding kind, as records so that a kind added to types.ts without a line here fails to compile. */
const HAZARD_KIND_SET: Readonly<Record<HazardKind, true>> = {
  'use-after-free': true,
  'lost-write': true,
  'sleep-in-atomic': true,
  'block-in-nonblock': true,
  deadlock: true,
  'stale-tlb': true,
  'mm-refcount-underflow': true,
};
const WARNING_KIND_SET: Readonly<Record<WarningKind, true>> = {
  'pin-blocks-migration': true,
  'pin-blocks-ksm': true,
  'oom-reaper-skipped': true,
  'invalidation-never-ends': true,
  'rcu-latency': true,
  'spurious-invalidation': true,
  'pin-write-after-writeback': true,
};
export const HAZARD_KINDS = Object.keys(HAZARD_KIND_SET) as HazardKind[];
export const WARNING_KINDS = Object.keys(WARNING_KIND_SET) as WarningKind[];

export const LIMITS = { maxRounds: 4, maxMmThreads: 4, maxStory: 500, maxTitle: 200, maxSummary: 2000 } as const;

/** Short names of the findings for the matrix (the CLI's table and the browser's grid), expanded in their legends. */
export const FINDING_SHORT_NAMES: Readonly<Record<HazardKind | WarningKind, string>> = {
  'use-after-free': 'UAF',
  'lost-write': 'LOST',
  'sleep-in-atomic': 'SLEEP',
  'block-in-nonblock': 'NOBLOCK',
  deadlock: 'DEADLOCK',
  'stale-tlb': 'STALE',
  'mm-refcount-underflow': 'MMDROP',
  'pin-blocks-migration': 'pin-mig',
  'pin-blocks-ksm': 'pin-ksm',
  'oom-reaper-skipped': 'oom-skip',
  'invalidation-never-ends': 'inv-stuck',
  'rcu-latency': 'rcu-lat',
  'spurious-invalidation': 'spurious',
  'pin-write-after-writeback': 'pin-wb',
};
