import { mmuLockIsMutex } from '../catalog';
import { modelOf } from '../model';
import { MMAP_SEM_KINDS } from '../ops/notifier-registration';
import { programsOf } from '../programs/compile';
import { threadStatus } from '../step';
import type { Instr, State, ThreadStatus } from '../types';

/** A lock as the picture draws it: who holds it and who waits for it, read from the state. */
export interface LockView {
  /** `vq-mutex`, `mmu-lock`, `pt-lock`, `mmap-sem` or `page-<frame>`. */
  id: string;
  name: string;
  kind: 'mutex' | 'spinlock' | 'page lock' | 'rw semaphore';
  holders: number[];
  waiters: number[];
}

const MMU_LOCK_DESIGNS: ReadonlySet<string> = new Set([
  'kmap-seq',
  'direct-map-rcu',
  'interval-notifier',
  'interval-mutex',
]);

const ptLocked = (i: Instr | undefined) => (i?.depth ?? 0) > 0 && i?.ctx?.ptLock === true;

/**
 * Does thread `t` hold the ring's PT lock between steps? It does inside a callback called under it, and at the step
 * that drops it (`cow-set`, or the batch free after a PT-locked flush: both end in pte_unmap_unlock).
 */
export function holdsPtLock(s: State, t: number): boolean {
  const th = s.threads[t];
  const instrs = modelOf(s.scenario).programs[t]?.instrs ?? [];
  if (!th || th.done || t === 0) return false;
  const next = instrs[th.pc];
  if (ptLocked(next)) return true;
  if (next?.op === 'cow-set') return !th.locals.aborted;
  return next?.op === 'free-batch' && ptLocked(instrs[th.pc - 1]);
}

function holdsMmapSem(s: State, t: number): boolean {
  const th = s.threads[t];
  const kind = s.scenario.mm[t - 1]?.kind;
  return !!th && !th.done && th.pc > 0 && !!kind && MMAP_SEM_KINDS.has(kind);
}

/** Where a view reads whether a thread is ready or blocked (the page: from the simulation's reply). */
export type StatusOf = (s: State, t: number) => ThreadStatus;

/** The lock a blocked thread waits for, read from the reason its op gives (the ops name the lock they wait on). */
export function waitedLock(s: State, t: number, statusOf: StatusOf): string | null {
  const status = statusOf(s, t);
  if (status.state !== 'blocked') return null;
  const why = status.reason;
  const page = /frame #(\d+)/.exec(why);
  if (page && /PG_locked/.test(why)) return `page-${page[1]}`;
  if (why.includes('vq->mmu_lock')) return 'mmu-lock';
  if (why.includes('vq->mutex')) return 'vq-mutex';
  if (why.includes('page-table lock')) return 'pt-lock';
  if (why.includes('mmap_sem')) return 'mmap-sem';
  return null;
}

const threadsWhere = (s: State, test: (t: number) => boolean) => s.threads.map((_, t) => t).filter(test);

/** The locks the scenario's design and threads take, each with its holders and waiters. */
export function locksOf(s: State): LockView[] {
  return locksWith(s, threadStatus);
}

/** `locksOf` with the threads' statuses read through `statusOf`, so a caller need not load the ops to compute them. */
export function locksWith(s: State, statusOf: StatusOf): LockView[] {
  const { design } = s.scenario;
  const waiting = s.threads.map((_, t) => waitedLock(s, t, statusOf));
  const waitersOf = (id: string) => threadsWhere(s, (t) => waiting[t] === id);
  const locks: LockView[] = [];
  const held = (owner: number) => (owner >= 0 ? [owner] : []);
  locks.push({ id: 'vq-mutex', name: 'vq->mutex', kind: 'mutex', holders: held(s.vhost.vqMutex), waiters: [] });
  if (MMU_LOCK_DESIGNS.has(design))
    locks.push({
      id: 'mmu-lock',
      name: 'vq->mmu_lock',
      kind: mmuLockIsMutex(design) ? 'mutex' : 'spinlock',
      holders: held(s.vhost.mmuLock),
      waiters: [],
    });
  const programs = programsOf(s.scenario);
  if (programs.some((p) => p.instrs.some((i) => i.ctx?.ptLock)))
    locks.push({
      id: 'pt-lock',
      name: 'PT lock (ring’s page table)',
      kind: 'spinlock',
      holders: threadsWhere(s, (t) => holdsPtLock(s, t)),
      waiters: [],
    });
  if (programs.some((p) => p.instrs.some((i) => i.op === 'notifier-register')))
    locks.push({
      id: 'mmap-sem',
      name: 'mmap_sem',
      kind: 'rw semaphore',
      holders: threadsWhere(s, (t) => holdsMmapSem(s, t)),
      waiters: [],
    });
  const pageIds = new Set(waiting.filter((w): w is string => w?.startsWith('page-') ?? false));
  s.frames.forEach((frame, f) => {
    if (frame.locked) pageIds.add(`page-${f}`);
  });
  for (const id of [...pageIds].sort()) {
    const f = Number(id.slice(5));
    const holders = threadsWhere(s, (t) => t > 0 && !s.threads[t]?.done && !!s.threads[t]?.locals.pages.includes(f));
    locks.push({ id, name: `PG_locked #${f}`, kind: 'page lock', holders, waiters: [] });
  }
  for (const lock of locks) lock.waiters = waitersOf(lock.id);
  return locks;
}
