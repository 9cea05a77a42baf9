/** The changing state: vhost, threads, memory, counters, findings (declared field by field in src/core/schema). */
import type { Finding } from './findings';
import type { Frame, Pte, TlbEntry, VmallocPte } from './memory';
import type { Scenario } from './scenario';

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
