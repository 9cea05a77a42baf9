/**
 * The tour's chapter ids in order, apart from their text so links can name a chapter without loading the tour
 * (a test keeps this list equal to the chapters' own ids).
 */
export const chapterIds = [
  'why-kernel-pointers',
  'v1-long-term-pin',
  'vmap-on-thp',
  'kmap-on-1g',
  'no-mutex-in-invalidate-range',
  'cow-fault',
  'gup-then-put-page',
  'race-window',
  'invalidate-clears-pointer',
  'seq-count-retry',
  'smp-rmb',
  'set-page-dirty-at-invalidate',
  'merged-and-reverted',
  'interval-notifier',
] as const;

export type ChapterId = (typeof chapterIds)[number];
