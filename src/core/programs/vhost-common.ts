import type { OpName } from '../ops/op-names';
import type { Line } from './line';
/** Per round the worker reads avail.idx, then the descriptor, then publishes a used entry and used.idx. */
export const ROUND_ORDER = [1, 0, 2] as const;
export const AREA_FN = ['vhost_get_desc', 'vhost_get_avail_idx', 'vhost_add_used'] as const;
export const AREA_WHAT = ['read desc[head]', 'read avail->idx', 'write used->ring[], used->idx'] as const;

export function accessLines(op: OpName, how: (area: number) => string, explain: (area: number) => string): Line[] {
  return ROUND_ORDER.map((area, i) => ({
    op,
    fn: AREA_FN[area] ?? '',
    code: how(area),
    explain: explain(area),
    arg: area,
    ...(i === 0 ? { label: 'access' } : {}),
  }));
}

export const roundBegin: Line = {
  op: 'round-begin',
  fn: 'handle_tx → mutex_lock',
  code: 'mutex_lock(&vq->mutex);',
  explain: 'The worker holds the virtqueue mutex for a whole round of ring processing.',
  label: 'round',
};

export const roundEnd: Line = {
  op: 'round-end',
  fn: 'mutex_unlock',
  code: 'mutex_unlock(&vq->mutex); if (++round < rounds) goto round;',
  explain: 'End of a round: the next round starts from the top.',
  to: 'round',
};

export const gupLine = (fallback: string): Line => ({
  op: 'gup',
  fn: 'get_user_pages_fast',
  code: 'n = get_user_pages_fast(uaddr, npages, write /* used only */, pages);',
  explain:
    'The lockless walk runs with IRQs off and takes a reference on each page; on a missing PTE, or a read-only one for a write, get_user_pages_fast falls back to the slow path (mmap_sem, fault the page in, break COW). Ringside takes the design’s copy_*_user path for that round instead, whose fault does the same to the page.',
  to: fallback,
  point: 'gup-put',
});

export const putLine: Line = {
  op: 'put-pages',
  fn: 'put_page',
  code: 'release_pages(pages, npages);  /* no pin kept */',
  explain:
    'The reference is dropped at once: from here on only the notifier keeps the page from being freed under vhost.',
  point: 'gup-put',
};
