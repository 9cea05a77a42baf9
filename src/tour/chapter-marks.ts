import type { ChapterId } from './chapter-ids';

/**
 * The parts of the picture a tour chapter can point at. One id may mark several boxes (every page lock is
 * `page-lock`). Kept apart from the chapters' text so the picture can light them up without loading the tour.
 */
export type MarkId =
  | 'ring-page'
  | 'frame'
  | 'userringpage'
  | 'uaccess'
  | 'vmap'
  | 'direct-map'
  | 'tlb'
  | 'thread'
  | 'context'
  | 'vq-mutex'
  | 'mmu-lock'
  | 'pt-lock'
  | 'mmap-sem'
  | 'page-lock'
  | 'seq'
  | 'count'
  | 'snapshot'
  | 'loads'
  | 'band'
  | 'guest';

/** What each mark is called in the tour and the Key. */
export const MARK_NAMES: Readonly<Record<MarkId, string>> = {
  'ring-page': 'QEMU’s ring pages and their PTEs',
  frame: 'the frames (struct page: ref · map)',
  userringpage: 'userringpage, vhost’s cached pointer',
  uaccess: 'vhost’s copy_*_user path and the stac/clac pairs it has paid',
  vmap: 'the vmap alias (vmalloc PTEs)',
  'direct-map': 'the direct map',
  tlb: 'the TLB entries',
  thread: 'the threads',
  context: 'each thread’s context',
  'vq-mutex': 'vq->mutex',
  'mmu-lock': 'vq->mmu_lock',
  'pt-lock': 'the PT lock',
  'mmap-sem': 'mmap_sem',
  'page-lock': 'the page lock (PG_locked)',
  seq: 'the sequence counter',
  count: 'the in-progress count',
  snapshot: 'vhost’s seq snapshot',
  loads: 'gup_fast’s PTE loads',
  band: 'the invalidation band',
  guest: 'the guest’s used.idx',
};

/** The marks each chapter is about, lit when it opens (a test checks every chapter lights at least one). */
export const CHAPTER_MARKS: Readonly<Record<ChapterId, readonly MarkId[]>> = {
  'why-kernel-pointers': ['ring-page', 'uaccess'],
  'v1-long-term-pin': ['frame', 'page-lock'],
  'vmap-on-thp': ['vmap', 'tlb'],
  'kmap-on-1g': ['direct-map', 'tlb'],
  'no-mutex-in-invalidate-range': ['pt-lock', 'vq-mutex', 'context'],
  'cow-fault': ['pt-lock', 'vq-mutex', 'context'],
  'gup-then-put-page': ['frame', 'loads'],
  'race-window': ['frame', 'loads', 'userringpage'],
  'invalidate-clears-pointer': ['userringpage', 'band'],
  'seq-count-retry': ['seq', 'count', 'snapshot'],
  'smp-rmb': ['snapshot', 'loads'],
  'set-page-dirty-at-invalidate': ['frame', 'guest'],
  'merged-and-reverted': ['mmu-lock', 'context', 'count'],
  'interval-notifier': ['seq', 'snapshot', 'band'],
};
