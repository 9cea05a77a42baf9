import { mmuLockIsMutex } from '../catalog';
import type { OpCtx, StepReporting } from '../context';
import { report } from '../context';
import { ptrSlot, ringPageCount, targetPages, vq0Regions } from '../pagetable';
import { programsOf } from '../programs/compile';
import type { Instr, State, ThreadLocals, ThreadState } from '../types';

export interface Op {
  run(ctx: OpCtx): void;
  /** Why the step cannot run now, or null when it can. */
  blocked?(s: State, t: number, instr: Instr, names: readonly string[]): string | null;
}

export function threadOf(s: State, t: number): ThreadState {
  const th = s.threads[t];
  if (!th) throw new Error(`no thread ${t}`);
  return th;
}

export function localsOf(ctx: OpCtx): ThreadLocals {
  return threadOf(ctx.s, ctx.t).locals;
}

export function jump(ctx: OpCtx, target: number): void {
  threadOf(ctx.s, ctx.t).pc = target;
}

export function holderName(names: readonly string[], t: number): string {
  return names[t] ?? `thread ${t}`;
}

/** A spinlock or mutex held by someone else blocks the step. */
export function heldByOther(owner: number, t: number, what: string, names: readonly string[]): string | null {
  return owner >= 0 && owner !== t ? `waits for ${what}, held by ${holderName(names, owner)}` : null;
}

/** Global ring pages of the mm thread's target (region 0). */
export function mmTargets(s: Pick<State, 'scenario'>, t: number): readonly number[] {
  const spec = s.scenario.mm[t - 1];
  return spec ? targetPages(s, spec) : [];
}

/**
 * `vhost.ptr` slots of the vqs' current addresses that an mm thread's range overlaps: vq 0's while its ring is in
 * region 0, and vq 1's (its ring never moves) with two vqs.
 */
export function overlapPages(s: State, t: number): readonly number[] {
  return overlapPagesAt(s, s.vhost.region, t);
}

/** `overlapPages` from vq 0's region alone (the rest is the scenario's). */
export function overlapPagesAt(s: Pick<State, 'scenario'>, region: number, t: number): readonly number[] {
  const spec = s.scenario.mm[t - 1];
  const targets = spec ? targetPages(s, spec) : [];
  const n = ringPageCount(s);
  const vq1Base = vq0Regions(s.scenario) * n;
  // With one vq every target is in region 0, and the slots are the pages themselves.
  if ((targets[targets.length - 1] ?? -1) < n) return region === 0 ? targets : [];
  return targets.filter((gp) => (gp < n ? region === 0 : gp >= vq1Base)).map((gp) => ptrSlot(s, gp));
}

/** `mightSleep`'s findings from what it read (objects or words alike); builds nothing when there is none. */
export function reportMightSleep(ctx: StepReporting, call: string, spinHeld: boolean, inRcu: boolean): void {
  const ptLock = !!ctx.instr.ctx?.ptLock;
  const nonblock = ctx.instr.ctx !== undefined && !ctx.instr.ctx.blockable;
  if (!spinHeld && !inRcu && !ptLock && !nonblock) return;
  const why: string[] = [];
  if (spinHeld) why.push('while holding the vq->mmu_lock spinlock');
  if (inRcu) why.push('inside an RCU read-side section');
  if (ptLock) why.push('under the page-table lock (->invalidate_range before pte_unmap_unlock)');
  const rule =
    'Code reachable from a notifier in atomic context may only take spinlocks (or trylock_page); anything that sleeps must move to a blockable _start/_end.';
  if (why.length > 0) {
    const also = nonblock ? ', in a non-blockable invalidation' : '';
    report(
      ctx,
      'sleep-in-atomic',
      [],
      `${call} may sleep, but it was called ${why.join(' and ')}${also}: "BUG: sleeping function called from invalid context".`,
      rule,
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

/** The thread that holds a page lock: the mm thread working on that frame. */
export function lockHolder(s: State, f: number, names: readonly string[]): string {
  const t = s.threads.findIndex((th, i) => i > 0 && !th.done && th.locals.pages.includes(f));
  return t > 0 ? holderName(names, t) : 'the mm side';
}

/** Does this callback step sleep in mutex_lock (rather than trylock)? It does when the caller may block, or with the bug. */
export function takesMutex(i: Instr): boolean {
  return i.ctx?.blockable !== false || (i.bugs?.includes('mutex-in-nonblock') ?? false);
}

const WORKER_LOCKERS: ReadonlySet<string> = new Set(['check-publish', 'kaccess']);

/** Threads asleep in mutex_lock on vq->mmu_lock held by `t` (interval-mutex only): releasing it wakes each of them. */
export function mutexWaiters(s: State, t: number): number {
  if (!mmuLockIsMutex(s.scenario.design) || s.vhost.mmuLock !== t) return 0;
  const programs = programsOf(s.scenario);
  let n = 0;
  s.threads.forEach((th, u) => {
    const instr = programs[u]?.instrs[th.pc];
    if (u === t || th.done || !instr) return;
    const worker = WORKER_LOCKERS.has(instr.op);
    const notifier = instr.op.startsWith('imutex-invalidate') && takesMutex(instr) && overlapPages(s, u).length > 0;
    if (worker || notifier) n += 1;
  });
  return n;
}

/** vq->map's vmalloc slot of one vq (RFC V2 keeps one per vq; V1's single vmap is vq 0's). */
export function vmapSlotOf(s: State, vq: number): number {
  return vq === 1 ? s.vhost.vmapSlot1 : s.vhost.vmapSlot;
}

/** The thread holding one vq's mutex, or -1. */
export function vqMutexOf(s: State, vq: number): number {
  return vq === 1 ? s.vhost.vqMutex1 : s.vhost.vqMutex;
}

export function setVqMutex(s: State, vq: number, t: number): void {
  if (vq === 1) s.vhost.vqMutex1 = t;
  else s.vhost.vqMutex = t;
}
