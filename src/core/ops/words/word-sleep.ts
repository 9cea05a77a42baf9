import { mmuLockIsMutex } from '../../catalog';
import { report } from '../../context';
import { W } from '../../schema/state-words';
import type { WordCtx } from './word-op';

/**
 * might_sleep() on words (`mightSleep` of `shared.ts`): a sleeping call under the vq->mmu_lock spinlock, in an RCU
 * read section or under the PT lock is sleep-in-atomic; in a non-blockable invalidation the caller must not block.
 */
export function mightSleep(ctx: WordCtx, call: string): void {
  const { w, t } = ctx;
  const spin = W.vhost.mmuLock.get(w) === t && !mmuLockIsMutex(ctx.scenario.design);
  const rcu = W.threads.locals.inRcu.get(w, t);
  const ptLock = ctx.instr.ctx?.ptLock ?? false;
  const nonblock = ctx.instr.ctx !== undefined && !ctx.instr.ctx.blockable;
  if (spin || rcu || ptLock) {
    const why: string[] = [];
    if (spin) why.push('while holding the vq->mmu_lock spinlock');
    if (rcu) why.push('inside an RCU read-side section');
    if (ptLock) why.push('under the page-table lock (->invalidate_range before pte_unmap_unlock)');
    const also = nonblock ? ', in a non-blockable invalidation' : '';
    report(
      ctx,
      'sleep-in-atomic',
      [],
      `${call} may sleep, but it was called ${why.join(' and ')}${also}: "BUG: sleeping function called from invalid context".`,
      RULE,
    );
  } else if (nonblock) {
    report(
      ctx,
      'block-in-nonblock',
      [],
      `${call} may block, but it was called in a non-blockable invalidation (the OOM reaper’s _start_nonblock): not atomic context, yet it must not wait, or the reaper can block on a lock its victim holds.`,
      'A callback for a non-blockable range must return -EAGAIN (or false) instead of anything that may wait.',
    );
  }
}

const RULE =
  'Code reachable from a notifier in atomic context may only take spinlocks (or trylock_page); anything that sleeps must move to a blockable _start/_end.';
