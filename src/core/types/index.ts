import type { OpName } from './ops/op-names';

/**
 * The simulation's data model. Every value here is plain, immutable, structured-clone-safe data:
 * `step` returns a new `State` and never mutates its input.
 */

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

/**
 * Who a frame belongs to. `swap-cache`: unmapped by reclaim, still in the swap cache (anonymous) or the page cache
 * (shmem, file) until it is written out or dropped; `isolated`: unmapped by the mm side, about to be freed or written out;
 * `orphan`: unmapped and released by mm, kept alive only by someone else's reference;
 * `migrated-old`: the source of a finished migration copy, not yet freed;
 * `fork-child`: a page QEMU shared with its child at fork, left mapped only by the child after QEMU's write fault copied it.
 */
export type FrameOwner =
  | 'qemu-ring'
  | 'free'
  | 'reused-by-other'
  | 'ksm-shared'
  | 'swap-cache'
  | 'isolated'
  | 'orphan'
  | 'migrated-old'
  | 'fork-child';

/** One struct page (for THP and hugetlbfs, the head page of the compound page). */
export interface Frame {
  size: PageSize;
  refcount: number;
  mapcount: number;
  dirty: boolean;
  locked: boolean;
  owner: FrameOwner;
  /** The used.idx value stored in this frame (meaningful for frames that hold the used ring). */
  usedIdx: number;
  /** vhost wrote into this frame after it was freed: the corruption a student should see. */
  corrupted: boolean;
}

/** QEMU's user page-table entry for one ring page (a huge entry is repeated on each ring page it covers). */
export interface Pte {
  frame: number;
  size: PageSize;
  present: boolean;
  writable: boolean;
  dirty: boolean;
  /** Why the entry is not present: a swap entry, a migration entry, or nothing (zapped). */
  swapped: 'none' | 'swap' | 'migration';
}

/** A 4K vmalloc-area PTE created by vmap for one ring page. */
export interface VmallocPte {
  slot: number;
  page: number;
  frame: number;
}

export type TlbKind = 'user' | 'vmalloc' | 'direct';

/** A cached translation. `key` is the ring page (user), slot*64+page (vmalloc) or 0 (the direct-map entry). */
export interface TlbEntry {
  kind: TlbKind;
  key: number;
  frame: number;
  size: PageSize;
}

export interface VhostState {
  /** Ring region the virtqueue's addresses point into (changed by VHOST_SET_VRING_ADDR). */
  region: 0 | 1;
  /** The cached kernel pointer per ring page (`userringpage`, or the map per area), vq 1's after vq 0's; -1 is NULL. */
  ptr: number[];
  /** vmalloc slot of the current vmap of the ring (vq 0's with two vqs), or -1. */
  vmapSlot: number;
  /** vmalloc slot of vq 1's vmap, or -1 (always -1 with one vq). */
  vmapSlot1: number;
  /** Next vmalloc slot vmap hands out (lazy purge means a slot is never reused within a run). */
  nextSlot: number;
  /** mmu_notifier sequence (kmap-seq) or the interval subscription's invalidate_seq (interval-notifier). */
  seq: number;
  /** Invalidations in progress (count); may go negative with a range-dependent count. */
  count: number;
  /** mm's interval-tree sequence: odd while an invalidation is in progress (interval-notifier only). */
  itreeSeq: number;
  /** mm's count of active interval-tree invalidations (interval-notifier only). */
  itreeActive: number;
  /** Thread holding vq->mmu_lock, or -1: a spinlock, except in `interval-mutex`, where it is a mutex. */
  mmuLock: number;
  /** Thread holding vq->mutex (vq 0's with two vqs), or -1. */
  vqMutex: number;
  /** Thread holding vq 1's mutex, or -1 (always -1 with one vq). */
  vqMutex1: number;
  /** vhost's MMU notifier is on the mm's list (SET_VRING_ADDR unregisters it while it changes the addresses). */
  registered: boolean;
}

export interface ThreadLocals {
  /** Rounds the vhost worker has completed. */
  round: number;
  /** Sequence value read before gup (kmap-seq, interval-notifier). */
  seqSnap: number;
  /** Frames in hand: gup_fast results per ring page for vhost (-1: none); target frames for an mm thread. */
  pages: number[];
  /** References this thread holds (vhost: gup references and pins; mm: the mmu_gather batch). */
  refs: number[];
  /** Inside an RCU read-side critical section. */
  inRcu: boolean;
  /** The notifier callback asked the caller to back off (-EAGAIN / false). */
  eagain: boolean;
  /** The KSM page this thread merges into (KSM threads only), or -1. */
  newFrame: number;
  /** The vmap slot this thread loaded from vq->map (a local copy of the pointer), or -1 for NULL. */
  mapSlot: number;
  /** The mm thread gave up (migration -EAGAIN, KSM abort, OOM skip). */
  aborted: boolean;
  /** The merged start callback unpublished a live map, so it must wait a grace period before unprefetching it. */
  unpublished: boolean;
}

export interface ThreadState {
  pc: number;
  done: boolean;
  locals: ThreadLocals;
}

/**
 * `block-in-nonblock`: a call that may sleep in a non-blockable invalidation (not atomic context, but must not wait).
 * `mm-refcount-underflow`: an mmdrop of an mm_count reference never taken, so the mm_struct is freed while in use.
 */
export type HazardKind =
  | 'use-after-free'
  | 'lost-write'
  | 'sleep-in-atomic'
  | 'block-in-nonblock'
  | 'deadlock'
  | 'stale-tlb'
  | 'mm-refcount-underflow';

export type WarningKind =
  | 'pin-blocks-migration'
  | 'pin-blocks-ksm'
  | 'oom-reaper-skipped'
  | 'invalidation-never-ends'
  | 'rcu-latency'
  | 'spurious-invalidation'
  | 'pin-write-after-writeback';

/** A safety hazard or a liveness/cost warning, reported at the step that caused it. */
export interface Finding {
  kind: HazardKind | WarningKind;
  severity: 'hazard' | 'warning';
  /** Index of the step (0-based position in the schedule) that caused it. */
  step: number;
  thread: number;
  frames: number[];
  threads: number[];
  message: string;
  /** Which protocol rule would have prevented it. */
  rule: string;
}

/** Cost counters (a model for comparing designs, not a measurement). */
export interface Counters {
  tlbMiss4K: number;
  tlbMiss2M: number;
  tlbMiss1G: number;
  ptesWritten: number;
  tlbFlushes: number;
  ipis: number;
  gupCalls: number;
  locks: number;
  stacClac: number;
  ringAccesses: number;
  /** gup_fast redone because the seq/count (or interval) check failed, or direct-map-rcu's invalidate_count bail-out. */
  retries: number;
  /**
   * A sleeping thread woken: the worker from mmu_interval_read_begin, or a thread from mutex_lock(&vq->mmu_lock)
   * (interval-mutex); sleeps on vq->mutex, the page lock or a grace period are not counted.
   */
  sleeps: number;
}

export interface State {
  scenario: Scenario;
  /** Steps taken so far. */
  time: number;
  /** ptes[region * ringPages + page]. */
  ptes: Pte[];
  frames: Frame[];
  vmalloc: VmallocPte[];
  /** One TLB per CPU: CPU0 runs the vhost worker, CPU1 the mm side. */
  tlbs: TlbEntry[][];
  vhost: VhostState;
  threads: ThreadState[];
  /**
   * What a fault of each ring page of region 0 would read back (its used.idx): the swap copy (anonymous, shmem), the
   * file's blocks (file), a zero page (shmem never written out); -1 when there is none (an anonymous page written
   * since swap-in: reuse_swap_page freed the copy).
   */
  swap: number[];
  /** used.idx vhost has published so far (what the guest should see). */
  published: number;
  counters: Counters;
  findings: Finding[];
}

/** Where a step's call was made from: decides whether sleeping is allowed. */
export interface CallCtx {
  blockable: boolean;
  /** The caller holds the page-table spinlock (rmap paths). */
  ptLock: boolean;
  /** The caller holds the page lock of the target page (KSM, reclaim, migration). */
  pageLocked: boolean;
}

/** One instruction of a thread's program: one atomic step when it runs. */
export interface Instr {
  op: OpName;
  /** The kernel function this step stands for. */
  fn: string;
  /** Short kernel-style pseudo-code shown in the thread pane. */
  code: string;
  /** One sentence: what the step does and why it matters. */
  explain: string;
  /** Nesting depth for display (a notifier callback runs inside the mm function that calls it). */
  depth: number;
  /** Numeric argument: a ring area index (0 desc, 1 avail, 2 used), or -1. */
  arg: number;
  /** Jump target (instruction index) resolved at compile time, or -1. */
  target: number;
  /** Present on notifier-callback steps. */
  ctx?: CallCtx;
  /** Point of the review thread this step illustrates (key into src/core/thread-points.ts). */
  point?: string;
  /** The bug switches that changed this step, if any. */
  bugs?: BugSwitch[];
}

export type ThreadKind = 'vhost' | MmEventKind;

export interface Program {
  kind: ThreadKind;
  name: string;
  cpu: number;
  instrs: Instr[];
}

/** What one step did, for narration, highlighting and the timeline. */
export interface StepEvent {
  step: number;
  thread: number;
  pc: number;
  instr: Instr;
  /** Sentence describing what actually happened (branch taken, value read, frame freed, ...). */
  detail: string;
  findings: Finding[];
  cost: Counters;
  /** Dotted paths of what changed, e.g. `frames.2`, `ptes.0`, `vhost.ptr`, `tlbs.0`. */
  changed: string[];
}

export type ThreadStatus = { state: 'ready' } | { state: 'blocked'; reason: string } | { state: 'done' };
