/** A scenario as data: designs, bug switches, backing, the mm events (docs/scenario-format.md). */
import type { HazardKind, WarningKind } from './findings';

/** The vhost ring-access protocols of the 2019 series and its successors (docs/model.md §designs). */
export type DesignId =
  | 'copy-user'
  | 'vmap-pinned'
  | 'vmap-notifier'
  | 'kmap-seq'
  | 'direct-map-rcu'
  | 'interval-notifier'
  | 'interval-mutex';

/** Bug switches: each rewrites exactly the steps it names (src/core/programs/switches.ts). */
export type BugSwitch =
  | 'skip-seq-check'
  | 'skip-set-page-dirty'
  | 'no-smp-rmb'
  | 'dirty-lock-in-notifier'
  | 'range-dependent-count'
  | 'eagain-nonblock'
  | 'mutex-in-nonblock';

/**
 * What kind of memory the guest RAM is: private anonymous, shmem/memfd (`memory-backend-memfd`, needed by
 * vhost-user), or a file (`memory-backend-file` on a disk file system).
 */
export type MemoryKind = 'anonymous' | 'shmem' | 'file';

/** What backs QEMU's guest memory, and so the size of the user mapping of the ring. */
export type Backing = '4k' | 'thp' | 'hugetlb-1g';

/**
 * The mm-side events that race with the vhost worker. `munmap` flushes and frees at `tlb_finish_mmu`, after `_end`;
 * `munmap-batch-full` is the same unmap when the mmu_gather batch fills on a ring page, so `zap_pte_range` flushes
 * (and calls `->invalidate_range`) under the PT lock and frees before `_end`.
 */
export type MmEventKind =
  | 'munmap'
  | 'munmap-batch-full'
  | 'reclaim'
  | 'migrate'
  | 'ksm'
  | 'thp-split'
  | 'oom-reap'
  | 'set-vring-addr'
  | 'writeback'
  | 'fork'
  | 'exit';

export type PageSize = '4K' | '2M' | '1G';

/** The three areas of a split virtqueue, each at its own user address. */
export type RingArea = 'desc' | 'avail' | 'used';

export interface MmThreadSpec {
  kind: MmEventKind;
  /** Which ring area's pages the event targets; `all` is the whole ring range. */
  target: RingArea | 'all';
}

/** A scenario as data: the versioned JSON format of docs/scenario-format.md. */
export interface Scenario {
  format: 1;
  id: string;
  title: string;
  summary: string;
  design: DesignId;
  bugs: BugSwitch[];
  backing: Backing;
  /** Absent means `anonymous` (older scenario files); the validator always fills it in. */
  memory?: MemoryKind;
  directMap: '2M' | '1G';
  ringSize: number;
  rounds: number;
  mm: MmThreadSpec[];
  /** Virtqueues (absent means 1); with 2 the worker serves them in turn and SET_VRING_ADDR moves vq 0's ring. */
  vqs?: 1 | 2;
  /** Ring region the ring starts in (0 is the range the mm events invalidate; 1 only with set-vring-addr). */
  startRegion: 0 | 1;
  /** A schedule that tells the scenario's story (thread indices), for golden traces and the guided replay. */
  story: number[];
  /** What the story is expected to show; checked by the golden tests and the explorer tests. */
  expect: { hazards: HazardKind[]; warnings: WarningKind[] };
}
