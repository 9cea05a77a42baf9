import type { BugSwitch, CallCtx, DesignId } from '../types';
import { type Line, withBug } from './line';

/** Which notifier hook a call site reaches: `range` is ->invalidate_range (after the PTE change, before the free). */
export type Hook = 'start' | 'end' | 'range';

function eagainLine(out: string, bug: boolean, ctx: CallCtx): Line {
  return withBug(
    {
      op: 'eagain-if-nonblock',
      fn: 'mmu_notifier_range_blockable',
      code: 'if (!mmu_notifier_range_blockable(range)) return -EAGAIN;',
      explain: bug
        ? 'Refuses every non-blockable invalidation, whether or not the range touches the ring.'
        : 'The merged code refuses every non-blockable invalidation (the OOM reaper’s).',
      to: out,
      ctx,
      point: 'eagain',
    },
    'eagain-nonblock',
    bug,
  );
}

/** The clear-the-pointer step, optionally split so that set_page_dirty_lock runs inside the spinlock. */
type StartOp = 'kseq-start' | 'interval-invalidate' | 'imutex-invalidate' | 'rcu-start';

function clearLines(op: StartOp, code: string, explain: string, bugs: BugSwitch[], ctx: CallCtx): Line[] {
  const skipDirty = bugs.includes('skip-set-page-dirty');
  const dirtyLock = bugs.includes('dirty-lock-in-notifier');
  const rangeDep = bugs.includes('range-dependent-count') && op === 'kseq-start';
  let line: Line = { op, fn: 'invalidate_range_start', code, explain, ctx, point: 'clear-pointer' };
  line = withBug(line, 'skip-set-page-dirty', skipDirty);
  line = withBug(line, 'range-dependent-count', rangeDep);
  if (skipDirty)
    line = { ...line, code: line.code.replace(/ ?if \(write\) set_page_dirty\(ptr\);/, ' /* no set_page_dirty */') };
  if (rangeDep) line = { ...line, code: line.code.replace('count++;', 'if (overlaps(range, vq->uaddr)) count++;') };
  if (!dirtyLock) return [line];
  const held = line.code
    .replace(
      / if \(write\) set_page_dirty\(ptr\);| vq->ptr = NULL;| rcu_assign_pointer\(map, NULL\);| (spin|mutex)_unlock\(\);/g,
      '',
    )
    .replace(' if (map) { }', '');
  return [
    withBug({ ...line, op: `${op}-hold`, code: held }, 'dirty-lock-in-notifier', true),
    withBug(
      {
        op: 'dirty-lock-notifier',
        fn: 'set_page_dirty_lock',
        code: 'if (write) set_page_dirty_lock(ptr);  /* lock_page() under a spinlock */',
        explain:
          'lock_page() may sleep: illegal under a spinlock, and a self-deadlock when the caller (KSM, reclaim) already holds the page lock.',
        ctx,
        point: 'dirty-lock',
      },
      'dirty-lock-in-notifier',
      true,
    ),
    withBug(
      {
        op: 'clear-unlock',
        fn: 'spin_unlock',
        code: 'vq->ptr = NULL; spin_unlock(&vq->mmu_lock);',
        explain: 'Clear the pointer and release the notifier lock.',
        ctx,
      },
      'dirty-lock-in-notifier',
      true,
    ),
  ];
}

function kmapSeq(hook: Hook, bugs: BugSwitch[], ctx: CallCtx, out: string): Line[] {
  if (hook === 'start') {
    return [
      ...(bugs.includes('eagain-nonblock') ? [eagainLine(out, true, ctx)] : []),
      ...clearLines(
        'kseq-start',
        'spin_lock(&vq->mmu_lock); count++; if (write) set_page_dirty(ptr); vq->ptr = NULL; spin_unlock();',
        'Start counts the invalidation, dirties a page vhost may have written, and clears userringpage so no access can follow.',
        bugs,
        ctx,
      ),
    ];
  }
  if (hook === 'end') {
    const rangeDep = bugs.includes('range-dependent-count');
    return [
      withBug(
        {
          op: 'kseq-end',
          fn: 'invalidate_range_end',
          code: rangeDep
            ? 'spin_lock(&vq->mmu_lock); if (overlaps(range, vq->uaddr)) { mmu_seq++; count--; } spin_unlock();'
            : 'spin_lock(&vq->mmu_lock); mmu_seq++; count--; spin_unlock();',
          explain:
            'End bumps the sequence before dropping the count, so a racing gup_fast sees one or the other and retries.',
          ctx,
          point: 'seq-count',
        },
        'range-dependent-count',
        rangeDep,
      ),
    ];
  }
  return [];
}

function interval(hook: Hook, bugs: BugSwitch[], ctx: CallCtx, out: string): Line[] {
  if (hook !== 'start') return [];
  return [
    ...(bugs.includes('eagain-nonblock') ? [eagainLine(out, true, ctx)] : []),
    ...clearLines(
      'interval-invalidate',
      'spin_lock(&vq->mmu_lock); mmu_interval_set_seq(sub, cur_seq); if (write) set_page_dirty(ptr); vq->ptr = NULL; spin_unlock();',
      'The interval callback runs only for overlapping ranges; it publishes the odd sequence under the same lock read_retry takes.',
      bugs,
      ctx,
    ),
  ];
}

/**
 * Jason Gunthorpe's blocking lock, as nouveau's `nouveau_svm_range_invalidate` (v5.5) takes it: `mutex_lock` when the
 * range is blockable, else `mutex_trylock`, returning false when that fails.
 */
function intervalMutex(hook: Hook, bugs: BugSwitch[], ctx: CallCtx, out: string): Line[] {
  if (hook !== 'start') return [];
  const always = bugs.includes('mutex-in-nonblock');
  const take = always
    ? 'mutex_lock(&vq->mmu_lock);  /* even when !mmu_notifier_range_blockable(range) */'
    : 'if (mmu_notifier_range_blockable(range)) mutex_lock(&vq->mmu_lock); else if (!mutex_trylock(&vq->mmu_lock)) return false;';
  const lines = clearLines(
    'imutex-invalidate',
    `${take} mmu_interval_set_seq(sub, cur_seq); if (write) set_page_dirty(ptr); vq->ptr = NULL; mutex_unlock();`,
    always
      ? 'The callback sleeps on the mutex whatever the caller said: in the OOM reaper’s non-blockable invalidation it may wait for the worker.'
      : 'A sleeping lock shared with the worker: wait for it when the caller may block; when it may not (the OOM reaper), only trylock and return false if it is held.',
    bugs,
    ctx,
  ).map((line) => ({ ...line, code: line.code.replace('spin_unlock(&vq->mmu_lock)', 'mutex_unlock(&vq->mmu_lock)') }));
  const [first, ...rest] = lines;
  if (!first) return [];
  return [withBug({ ...first, to: out, point: 'blocking-lock' }, 'mutex-in-nonblock', always), ...rest];
}

function directMapRcu(hook: Hook, bugs: BugSwitch[], ctx: CallCtx, out: string): Line[] {
  if (hook === 'start') {
    return [
      eagainLine(out, false, ctx),
      ...clearLines(
        'rcu-start',
        'if (!overlaps) return; spin_lock(&vq->mmu_lock); invalidate_count++; if (map) { if (write) set_page_dirty(ptr); rcu_assign_pointer(map, NULL); } spin_unlock();',
        'The merged start returns at once unless the range overlaps the ring’s current address; then it counts, dirties and unpublishes a live map.',
        bugs,
        ctx,
      ),
      {
        op: 'sync-rcu',
        fn: 'synchronize_rcu',
        code: 'if (map) { synchronize_rcu(); vhost_map_unprefetch(map); }  /* the map itself is never freed */',
        explain:
          'Only when a live map was unpublished: a full grace period inside the notifier, while the mm side holds its locks; vhost_map_unprefetch frees the page array and leaks the map.',
        ctx,
        point: 'rcu-latency',
      },
    ];
  }
  if (hook === 'end') {
    return [
      {
        op: 'rcu-end',
        fn: 'invalidate_range_end',
        code: 'spin_lock(&vq->mmu_lock); if (overlaps(range, vq->uaddr)) invalidate_count--; spin_unlock();',
        explain: 'End re-tests the overlap against the ring address as it is now, which may differ from start’s.',
        ctx,
        point: 'range-count',
      },
    ];
  }
  return [];
}

/** RFC V2's vhost_invalidate loops over every vq of the device, taking each vq's mutex in turn. */
function vmapNotifier(hook: Hook, bugs: BugSwitch[], ctx: CallCtx, vqs: number): Line[] {
  if (hook !== 'range') return [];
  return Array.from({ length: vqs }, (_, vq) => vmapNotifierVq(bugs, ctx, vq)).flat();
}

/** One vq's part of the callback; vq 0's lines keep the single-vq text, vq 1's carry arg 1. */
function vmapNotifierVq(bugs: BugSwitch[], ctx: CallCtx, vq: number): Line[] {
  const of = (line: Line): Line =>
    vq === 0 ? line : { ...line, arg: vq, code: line.code.replaceAll('vq->', `dev->vqs[${vq}]->`) };
  const noMutex = bugs.includes('skip-seq-check');
  const vunmap = withBug(
    {
      op: 'inv-vunmap',
      fn: 'vunmap',
      code: 'if (overlaps) { vunmap(vq->map); vq->map = NULL; }',
      explain: 'vunmap clears the vmalloc PTEs and may sleep; the kernel TLB flush is deferred to the lazy purge.',
      ctx,
      point: 'vmap-4k',
    },
    'skip-seq-check',
    noMutex,
  );
  if (noMutex) return [of(vunmap)];
  const lines: Line[] = [
    {
      op: 'inv-mutex-lock',
      fn: 'mutex_lock',
      code: 'mutex_lock(&vq->mutex);',
      explain: '->invalidate_range takes the vq mutex, which the worker holds for a whole round.',
      ctx,
      point: 'no-mutex',
    },
    vunmap,
    {
      op: 'inv-mutex-unlock',
      fn: 'mutex_unlock',
      code: 'mutex_unlock(&vq->mutex);',
      explain: 'Release the vq mutex.',
      ctx,
    },
  ];
  return lines.map(of);
}

/** The design's callback for one hook at one call site, inlined into the mm thread at depth 1. */
export function callbackLines(
  design: DesignId,
  hook: Hook,
  bugs: BugSwitch[],
  ctx: CallCtx,
  out: string,
  vqs = 1,
): Line[] {
  switch (design) {
    case 'kmap-seq':
      return kmapSeq(hook, bugs, ctx, out);
    case 'interval-notifier':
      return interval(hook, bugs, ctx, out);
    case 'interval-mutex':
      return intervalMutex(hook, bugs, ctx, out);
    case 'direct-map-rcu':
      return directMapRcu(hook, bugs, ctx, out);
    case 'vmap-notifier':
      return vmapNotifier(hook, bugs, ctx, vqs);
    default:
      return [];
  }
}

export function hasNotifier(design: DesignId): boolean {
  return design !== 'copy-user' && design !== 'vmap-pinned';
}
