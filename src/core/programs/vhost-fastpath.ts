import type { BugSwitch } from '../types';
import { type Line, withBug } from './line';
import { AREA_FN, AREA_WHAT, accessLines, gupLine, putLine, ROUND_ORDER, roundBegin, roundEnd } from './vhost-common';

/** The mutex variant's critical sections end in a step of their own, so a trylock can meet the lock held. */
const workerUnlock: Line = {
  op: 'worker-unlock',
  fn: 'mutex_unlock',
  code: 'if (locked) mutex_unlock(&vq->mmu_lock);',
  explain:
    'The worker drops the mutex (unless the copy_*_user fallback already did); until here an invalidation of the ring sleeps in mutex_lock, and the OOM reaper’s trylock fails.',
  point: 'blocking-lock',
};

function withUnlocks(lines: Line[]): Line[] {
  return lines.flatMap((line) => [line, workerUnlock]);
}

export function seqLines(design: 'kmap-seq' | 'interval-notifier' | 'interval-mutex', bugs: BugSwitch[]): Line[] {
  const mutex = design === 'interval-mutex';
  const lock = mutex ? 'mutex_lock(&vq->mmu_lock);' : 'spin_lock(&vq->mmu_lock);';
  const unlock = mutex ? '' : ' spin_unlock();';
  const noRmb = design === 'kmap-seq' && bugs.includes('no-smp-rmb');
  const skip = bugs.includes('skip-seq-check');
  const readSeq: Line =
    design === 'kmap-seq'
      ? withBug(
          {
            op: 'read-seq',
            fn: 'READ_ONCE + smp_rmb',
            code: noRmb
              ? 'seq = READ_ONCE(vq->mmu_seq);  /* no smp_rmb(): on arm64/POWER, done after gup’s PTE load */'
              : 'seq = READ_ONCE(vq->mmu_seq); smp_rmb();',
            explain: noRmb
              ? 'Without smp_rmb() a weakly ordered CPU (arm64, POWER) may perform this load after gup_fast’s PTE load, so the snapshot can postdate the PTE it guards; x86 does not reorder loads with loads (smp_rmb is only a compiler barrier there).'
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
      fn:
        design === 'kmap-seq'
          ? 'spin_lock + mmu_notifier_retry'
          : `${mutex ? 'mutex_lock' : 'spin_lock'} + mmu_interval_read_retry`,
      code: skip
        ? `${lock} vq->ptr = pages;${unlock}  /* no retry check */`
        : design === 'kmap-seq'
          ? 'spin_lock(&vq->mmu_lock); if (vq->count || seq != vq->mmu_seq) { unlock; goto again; } vq->ptr = pages; spin_unlock();'
          : `${lock} if (mmu_interval_read_retry(&vq->sub, seq)) { unlock; goto again; } vq->ptr = pages;${unlock}`,
      explain: skip
        ? 'Publishes the pages without asking whether an invalidation ran since gup_fast: the page may already be freed.'
        : 'Under the lock the notifier also takes: retry if an invalidation is in progress or completed since the snapshot, else publish userringpage.',
      to: 'again',
      point: 'seq-count',
    },
    'skip-seq-check',
    skip,
  );
  const access = accessLines(
    'kaccess',
    (a) =>
      mutex
        ? `${lock} if (vq->ptr) ${AREA_WHAT[a]} via kmap_atomic(vq->ptr); else { mutex_unlock(); copy_*_user; }`
        : `${lock} ${AREA_WHAT[a]} via kmap_atomic(vq->ptr) (else copy_*_user);${unlock}`,
    () =>
      mutex
        ? 'kmap_atomic is page_address on x86-64: the direct map; the mutex makes the notifier sleep until the access is over.'
        : 'kmap_atomic is page_address on x86-64: the direct map, no page tables or TLB flushes; the spinlock makes the notifier wait for the access.',
  ).map((l) => ({ ...l, point: 'kmap-direct' }));
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
    ...(mutex ? withUnlocks([check]) : [check]),
    ...(mutex ? withUnlocks(access) : access),
    roundEnd,
  ];
}

export function directMapRcu(bugs: BugSwitch[]): Line[] {
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
      code: '__get_user_pages_fast(uaddr, npages, write, pages);  /* under mmu_lock: no slow path */',
      explain:
        'The IRQ-safe variant never falls back to the slow path (it could not sleep under the spinlock anyway): on a missing or read-only PTE it fails, and the merged code uses copy_*_user.',
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
