import type { BugSwitch, DesignId } from '../types';
import { END, type Line, withBug } from './line';

/** Per round the worker reads avail.idx, then the descriptor, then publishes a used entry and used.idx. */
const ROUND_ORDER = [1, 0, 2] as const;
const AREA_FN = ['vhost_get_desc', 'vhost_get_avail_idx', 'vhost_add_used'] as const;
const AREA_WHAT = ['read desc[head]', 'read avail->idx', 'write used->ring[], used->idx'] as const;

function accessLines(op: string, how: (area: number) => string, explain: (area: number) => string): Line[] {
  return ROUND_ORDER.map((area, i) => ({
    op,
    fn: AREA_FN[area] ?? '',
    code: how(area),
    explain: explain(area),
    arg: area,
    ...(i === 0 ? { label: 'access' } : {}),
  }));
}

const roundBegin: Line = {
  op: 'round-begin',
  fn: 'handle_tx → mutex_lock',
  code: 'mutex_lock(&vq->mutex);',
  explain: 'The worker holds the virtqueue mutex for a whole round of ring processing.',
  label: 'round',
};

const roundEnd: Line = {
  op: 'round-end',
  fn: 'mutex_unlock',
  code: 'mutex_unlock(&vq->mutex); if (++round < rounds) goto round;',
  explain: 'End of a round: the next round starts from the top.',
  to: 'round',
};

function copyUser(): Line[] {
  return [
    roundBegin,
    ...accessLines(
      'uaccess',
      (a) => `${a === 2 ? '__put_user' : '__get_user'}(...);  /* stac; ${AREA_WHAT[a]}; clac */`,
      () =>
        'copy_*_user goes through QEMU’s own mapping, so the MMU and its TLB shootdowns keep it coherent; SMAP costs a stac/clac pair per access.',
    ),
    roundEnd,
  ];
}

const gupLine = (fallback: string): Line => ({
  op: 'gup',
  fn: 'get_user_pages_fast',
  code: 'n = get_user_pages_fast(uaddr, npages, write /* used only */, pages);',
  explain:
    'gup_fast walks QEMU’s page table with IRQs off and takes a reference on each page; it fails on a missing PTE, or a read-only one when asked to write.',
  to: fallback,
  point: 'gup-put',
});

const putLine: Line = {
  op: 'put-pages',
  fn: 'put_page',
  code: 'release_pages(pages, npages);  /* no pin kept */',
  explain:
    'The reference is dropped at once: from here on only the notifier keeps the page from being freed under vhost.',
  point: 'gup-put',
};

function vmapPinned(): Line[] {
  return [
    {
      ...gupLine(END),
      op: 'gup',
      code: 'get_user_pages_fast(uaddr, npages, write, pages);  /* long-term pin */',
      explain: 'V1 pins the ring pages for as long as the ring is set up.',
      to: 'round',
      point: 'pin',
    },
    {
      op: 'vmap',
      fn: 'vmap',
      code: 'vq->map = vmap(pages, npages, VM_MAP, PAGE_KERNEL);',
      explain: 'vmap writes one 4K vmalloc PTE per ring page: 4K TLB entries even when QEMU uses huge pages.',
      point: 'vmap-4k',
    },
    roundBegin,
    ...accessLines(
      'vaccess',
      (a) => `${AREA_WHAT[a]} through vq->map`,
      () => 'A plain load or store through the vmap alias: no stac/clac.',
    ),
    roundEnd,
    {
      op: 'vunmap',
      fn: 'vunmap',
      code: 'vunmap(vq->map);',
      explain: 'vunmap clears the vmalloc PTEs; the TLB flush is deferred to the lazy purge.',
    },
    {
      ...putLine,
      op: 'unpin-dirty',
      fn: 'set_page_dirty_lock + put_page',
      code: 'set_page_dirty_lock(used pages); release_pages(pages, npages);  /* unpin */',
      explain: 'The pin ends only when the ring is torn down; pages written through the alias are dirtied first.',
    },
  ];
}

function vmapNotifier(bugs: BugSwitch[]): Line[] {
  const lines: Line[] = [
    roundBegin,
    {
      op: 'if-vmapped',
      fn: 'vq_meta_prefetch',
      code: 'if (vq->map) goto access;',
      explain: 'A valid mapping is reused across rounds.',
      to: 'access',
    },
    gupLine('access'),
    {
      op: 'vmap',
      fn: 'vmap',
      code: 'vq->map = vmap(pages, npages, VM_MAP, PAGE_KERNEL);',
      explain: 'vmap writes 4K vmalloc PTEs for the ring pages.',
      point: 'vmap-4k',
    },
    { ...putLine, point: 'no-pin' },
    {
      op: 'vload',
      fn: 'vq_meta_prefetch',
      code: 'map = READ_ONCE(vq->map);',
      explain:
        'The worker loads the vmap address once for the round; only vq->mutex keeps the notifier from tearing it down while it is in use.',
      label: 'access',
    },
    ...accessLines(
      'vaccess',
      (a) => `${AREA_WHAT[a]} through map (else copy_*_user)`,
      () => 'Loads and stores go through the vmap address the worker loaded.',
    ).map(({ label: _label, ...line }) => line),
  ];
  if (!bugs.includes('skip-set-page-dirty')) {
    lines.push({
      op: 'dirty-lock',
      fn: 'set_page_dirty_lock',
      code: 'set_page_dirty_lock(used page);  /* vq_meta_prefetch_done */',
      explain:
        'RFC V2 dirties the used-ring pages after every round; lock_page() can sleep, and it runs under vq->mutex.',
      point: 'dirty-lock',
    });
  }
  lines.push(roundEnd);
  return lines;
}

function seqLines(design: 'kmap-seq' | 'interval-notifier', bugs: BugSwitch[]): Line[] {
  const noRmb = design === 'kmap-seq' && bugs.includes('no-smp-rmb');
  const skip = bugs.includes('skip-seq-check');
  const readSeq: Line =
    design === 'kmap-seq'
      ? withBug(
          {
            op: 'read-seq',
            fn: 'READ_ONCE + smp_rmb',
            code: noRmb
              ? 'seq = READ_ONCE(vq->mmu_seq);  /* no smp_rmb(): load done after gup’s PTE load */'
              : 'seq = READ_ONCE(vq->mmu_seq); smp_rmb();',
            explain: noRmb
              ? 'Without smp_rmb() the CPU may perform this load after gup_fast’s PTE load, so the snapshot can postdate the PTE it guards.'
              : 'Snapshot the sequence before gup_fast; smp_rmb() keeps the PTE loads after it.',
            point: 'seq-count',
          },
          'no-smp-rmb',
          noRmb,
        )
      : {
          op: 'read-begin',
          fn: 'mmu_interval_read_begin',
          code: 'seq = mmu_interval_read_begin(&vq->sub);',
          explain:
            'Returns the subscription’s sequence, sleeping while an invalidation of this range is in progress (odd sequence).',
          point: 'interval',
        };
  const gup: Line = { ...gupLine('access'), label: noRmb ? 'again' : undefined };
  const fetch = noRmb ? [gup, readSeq] : [{ ...readSeq, label: 'again' }, gup];
  const check = withBug(
    {
      op: 'check-publish',
      fn: design === 'kmap-seq' ? 'spin_lock + mmu_notifier_retry' : 'spin_lock + mmu_interval_read_retry',
      code: skip
        ? 'spin_lock(&vq->mmu_lock); vq->ptr = pages; spin_unlock();  /* no retry check */'
        : design === 'kmap-seq'
          ? 'spin_lock(&vq->mmu_lock); if (vq->count || seq != vq->mmu_seq) { unlock; goto again; } vq->ptr = pages; spin_unlock();'
          : 'spin_lock(&vq->mmu_lock); if (mmu_interval_read_retry(&vq->sub, seq)) { unlock; goto again; } vq->ptr = pages; spin_unlock();',
      explain: skip
        ? 'Publishes the pages without asking whether an invalidation ran since gup_fast: the page may already be freed.'
        : 'Under the lock the notifier also takes: retry if an invalidation is in progress or completed since the snapshot, else publish userringpage.',
      to: 'again',
      point: 'seq-count',
    },
    'skip-seq-check',
    skip,
  );
  return [
    roundBegin,
    {
      op: 'if-mapped',
      fn: 'vhost fast path',
      code: 'if (vq->ptr) goto access;',
      explain: 'The cached page pointer is reused until an invalidation clears it.',
      to: 'access',
    },
    ...fetch,
    putLine,
    check,
    ...accessLines(
      'kaccess',
      (a) => `spin_lock(&vq->mmu_lock); ${AREA_WHAT[a]} via kmap_atomic(vq->ptr) (else copy_*_user); spin_unlock();`,
      () =>
        'kmap_atomic is page_address on x86-64: the direct map, no page tables or TLB flushes; the spinlock makes the notifier wait for the access.',
    ).map((l) => ({ ...l, point: 'kmap-direct' })),
    roundEnd,
  ];
}

function directMapRcu(bugs: BugSwitch[]): Line[] {
  const skip = bugs.includes('skip-seq-check');
  const access: Line[] = [];
  for (const area of ROUND_ORDER) {
    access.push({
      op: 'rcu-deref',
      fn: 'rcu_read_lock + rcu_dereference',
      code: `rcu_read_lock(); map = rcu_dereference(vq->maps[${area}]);`,
      explain: 'Readers find the map under RCU; a NULL map means fall back to copy_*_user after rcu_read_unlock.',
      arg: area,
      ...(area === ROUND_ORDER[0] ? { label: 'access' } : {}),
    });
    access.push({
      op: 'rcu-access',
      fn: AREA_FN[area] ?? '',
      code: `${AREA_WHAT[area]} via page_address(map) (else copy_*_user); rcu_read_unlock();`,
      explain: 'The access goes through the direct map inside the RCU read section.',
      arg: area,
    });
  }
  return [
    roundBegin,
    {
      op: 'if-mapped',
      fn: 'vhost_map_prefetch',
      code: 'if (vq->maps[*]) goto access;',
      explain: 'Maps are reused across rounds.',
      to: 'access',
    },
    withBug(
      {
        op: 'rcu-prefetch',
        fn: 'vhost_map_prefetch',
        code: skip
          ? 'spin_lock(&vq->mmu_lock);  /* invalidate_count not checked */'
          : 'spin_lock(&vq->mmu_lock); if (vq->invalidate_count) { unlock; goto access; }',
        explain:
          'The merged code bails out to copy_*_user while an invalidation is counted, and holds the spinlock across gup.',
        to: 'access',
      },
      'skip-seq-check',
      skip,
    ),
    {
      ...gupLine('access'),
      op: 'gup-locked',
      fn: '__get_user_pages_fast',
      code: '__get_user_pages_fast(uaddr, npages, write, pages);  /* under mmu_lock */',
    },
    putLine,
    {
      op: 'rcu-publish',
      fn: 'rcu_assign_pointer',
      code: 'rcu_assign_pointer(vq->maps[i], map); spin_unlock(&vq->mmu_lock);',
      explain: 'Publish the maps for RCU readers.',
    },
    ...access,
    roundEnd,
  ];
}

export function vhostLines(design: DesignId, bugs: BugSwitch[]): Line[] {
  switch (design) {
    case 'copy-user':
      return copyUser();
    case 'vmap-pinned':
      return vmapPinned();
    case 'vmap-notifier':
      return vmapNotifier(bugs);
    case 'kmap-seq':
    case 'interval-notifier':
      return seqLines(design, bugs);
    case 'direct-map-rcu':
      return directMapRcu(bugs);
  }
}
