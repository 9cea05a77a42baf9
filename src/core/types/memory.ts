/** Memory as the model sees it: frames, page-table entries, TLB entries. */
import type { PageSize } from './scenario';

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
