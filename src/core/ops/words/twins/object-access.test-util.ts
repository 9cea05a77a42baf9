import { memoryOf, mmuLockIsMutex } from '../../../catalog';
import type { OpCtx } from '../../../context';
import { narrating, say } from '../../../context';
import { allocFrame, frameAt, idxPage, putRef, touchFindings } from '../../../frames';
import { layoutOf } from '../../../layout';
import {
  entryPages,
  gpage,
  pteAt,
  ptrSlot,
  ringPageCount,
  servedVq,
  updateEntry,
  userTlbKey,
  vqRegion,
} from '../../../pagetable';
import { programsOf } from '../../../programs/compile';
import { fillTlb, findTlb, VHOST_CPU } from '../../../tlb';
import type { State } from '../../../types';
import { localsOf, reportMightSleep } from '../../shared';

/**
 * The object bodies of copy_*_user's paths (access.ts), `cowLockHolder` (cow-window.ts), `touchFrame` (frames.ts),
 * `fallbackBlocked` and `mightSleep` (shared.ts) before words: the twins test's reference for `word-user-access.ts`.
 */

/** A vhost load or store to a frame through any mapping: detects use-after-free and lost writes. */
function touchFrame(ctx: OpCtx, f: number, write: boolean, via: string, holdsIdx: boolean): void {
  const frame = frameAt(ctx.s, f);
  if (write && frame.owner === 'reused-by-other') frame.corrupted = true;
  touchFindings(ctx, f, frame.owner, write, via);
  if (write && holdsIdx) frame.usedIdx = ctx.s.published;
}

/**
 * The fork thread holding the PT lock of ring page `gp` inside wp_page_copy (from ptep_clear_flush_notify to
 * pte_unmap_unlock), or -1: a fault on that page waits for it, and gup_fast sees no PTE.
 */
function cowLockHolder(s: State, gp: number): number {
  const pte = pteAt(s, gp);
  if (pte.present) return -1;
  const programs = programsOf(s.scenario);
  // Only fork threads' pcs are read (the reduction's COW_WINDOW_READERS relies on it).
  for (let t = 1; t <= s.scenario.mm.length; t++) {
    if (s.scenario.mm[t - 1]?.kind !== 'fork') continue;
    const th = s.threads[t];
    if (!th || th.done || th.locals.aborted) continue;
    const ops = programs[t]?.instrs.map((i) => i.op) ?? [];
    const inside = th.pc > ops.indexOf('cow-clear') && th.pc <= ops.indexOf('cow-set');
    if (inside && th.locals.pages.includes(pte.frame)) return t;
  }
  return -1;
}

/** Global ring pages of an area of the served vq's ring, in its current region. */
export function areaPages(s: State, area: number): number[] {
  const pages = layoutOf(s.scenario.ringSize).areas[area]?.pages ?? [];
  const region = vqRegion(s, servedVq(s));
  return pages.map((p) => gpage(s, region, p));
}

/** Ring page index within its region. */
function localPage(s: State, gp: number): number {
  return gp % ringPageCount(s);
}

function holdsIdx(s: State, gp: number): boolean {
  return localPage(s, gp) === idxPage(s.scenario.ringSize);
}

/**
 * Why a user access to `gp` cannot run now, or null: a migration entry makes the fault wait, and a write fault on a
 * read-only PTE waits in do_wp_page for the page lock (KSM holds it while it merges), and a fault on a PTE that
 * wp_page_copy cleared waits for its page-table lock.
 */
export function userAccessBlocked(s: State, gp: number, write: boolean): string | null {
  const pte = pteAt(s, gp);
  if (cowLockHolder(s, gp) > 0) return 'faulted on a PTE wp_page_copy has cleared: waits for its page-table lock';
  if (pte.present) {
    const frame = s.frames[pte.frame];
    return write && !pte.writable && frame?.owner === 'qemu-ring' && frame.locked
      ? `write fault on a read-only PTE: do_wp_page waits for PG_locked on frame #${pte.frame}`
      : null;
  }
  if (findTlb(s, VHOST_CPU, 'user', userTlbKey(s, gp))) return null;
  if (pte.swapped === 'migration') return 'faulted on a migration entry: waits in migration_entry_wait()';
  // do_swap_page (and a page-cache fault) lock the cached page before mapping it: reclaim holds that lock.
  const cached = s.frames[pte.frame];
  return cached?.owner === 'swap-cache' && cached.locked
    ? `faulted on a page reclaim holds: waits for PG_locked on frame #${pte.frame} (lock_page in the fault path)`
    : null;
}

/**
 * handle_mm_fault for a missing ring page: the page found again in the swap or page cache, read back from its copy,
 * or (zapped anonymous memory) the zero page for a read and a new zeroed page for a write. A read maps anonymous and
 * file pages read-only; shmem maps writable.
 */
function faultIn(ctx: OpCtx, gp: number, write: boolean): void {
  const s = ctx.s;
  const pte = pteAt(s, gp);
  const cached = s.frames[pte.frame];
  const memory = memoryOf(s.scenario);
  const page = localPage(s, gp);
  let f: number;
  // Only reclaim leaves shmem and file PTEs empty (their munmap is not modelled): the page is cached or backed.
  const backed = pte.swapped === 'swap' || (memory !== 'anonymous' && pte.swapped === 'none');
  if (backed && cached?.owner === 'swap-cache') {
    f = pte.frame;
    Object.assign(cached, { owner: 'qemu-ring', mapcount: 1, refcount: cached.refcount + 1 });
    say(
      ctx,
      `Page fault: ring page ${page} found in the ${memory === 'anonymous' ? 'swap' : 'page'} cache, frame #${f} mapped again.`,
    );
  } else if (backed) {
    const copy = s.swap[ptrSlot(s, gp)] ?? 0;
    f = allocFrame(s, pte.size, 'qemu-ring', Math.max(copy, 0));
    say(
      ctx,
      `Page fault: ring page ${page} read back into new frame #${f} (used.idx ${Math.max(copy, 0)} from ${memory === 'file' ? 'the file' : 'swap'}).`,
    );
  } else {
    f = allocFrame(s, pte.size, 'qemu-ring', 0);
    say(
      ctx,
      write
        ? `Page fault: the range was zapped (MADV_DONTNEED), so a write gets a new zeroed frame #${f}, mapped writable and dirty (do_anonymous_page); after a real munmap copy_*_user would fail with -EFAULT instead.`
        : `Page fault: the range was zapped (MADV_DONTNEED), so a read maps the shared zero page read-only (drawn as frame #${f}, which is only ever read here); after a real munmap copy_*_user would fail with -EFAULT instead.`,
    );
  }
  const fresh = !backed;
  // do_anonymous_page: a read maps the zero page read-only; a write maps a new page writable with the PTE dirty.
  const writable = (fresh && write) || memory === 'shmem';
  updateEntry(s, gp, { frame: f, present: true, writable, dirty: fresh && write, swapped: 'none' });
  if (write && !writable) breakCow(ctx, gp);
}

/**
 * A write fault on a read-only PTE. do_wp_page reuses a page mapped only here: an anonymous one through
 * reuse_swap_page (the swap copy is freed, PG_dirty set), a file one through page_mkwrite (PG_dirty set). A shared KSM
 * page, or one shared with a forked child, is copied.
 */
function breakCow(ctx: OpCtx, gp: number): void {
  const s = ctx.s;
  const old = pteAt(s, gp).frame;
  const shared = frameAt(s, old);
  if (shared.owner === 'qemu-ring' && shared.mapcount === 1) {
    const memory = memoryOf(s.scenario);
    updateEntry(s, gp, { writable: true });
    shared.dirty = true;
    if (memory === 'anonymous') s.swap[ptrSlot(s, gp)] = -1;
    say(
      ctx,
      memory === 'anonymous'
        ? `Write fault on a read-only PTE: frame #${old} is mapped only here, so do_wp_page reuses it (reuse_swap_page frees any swap copy and sets PG_dirty).`
        : `Write fault on a read-only PTE: page_mkwrite marks frame #${old} dirty and the PTE writable.`,
    );
    return;
  }
  const f = allocFrame(s, shared.size, 'qemu-ring', shared.usedIdx);
  shared.mapcount -= 1;
  // A ring page shared by fork stays mapped by the child only.
  if (shared.owner === 'qemu-ring') shared.owner = 'fork-child';
  putRef(ctx, old);
  updateEntry(s, gp, { frame: f, writable: true, dirty: false });
  narrating(ctx) && say(ctx, `Write fault on a read-only PTE: COW copies frame #${old} into private frame #${f}.`);
}

/**
 * get_user_pages' slow path, which V1's get_user_pages_fast falls back to when the lockless walk fails: the page is
 * faulted in, and a write fault makes it writable (breaking COW, or page_mkwrite dirtying a file page). A migration
 * entry is left alone (the caller falls back to copy_*_user for that round instead of waiting).
 */
export function gupSlowFault(ctx: OpCtx, gp: number, write: boolean): boolean {
  const pte = pteAt(ctx.s, gp);
  if (pte.swapped === 'migration') return false;
  if (!pte.present) faultIn(ctx, gp, write);
  else if (write && !pte.writable) breakCow(ctx, gp);
  return true;
}

/** copy_from_user / copy_to_user on one ring page: stac, access through QEMU's mapping and CPU0's TLB, clac. */
export function userAccess(ctx: OpCtx, gp: number, write: boolean): void {
  const s = ctx.s;
  const key = userTlbKey(s, gp);
  let entry = findTlb(s, VHOST_CPU, 'user', key);
  if (entry && write && !pteAt(s, gp).writable) entry = undefined;
  if (!entry) {
    if (!pteAt(s, gp).present) faultIn(ctx, gp, write);
    else if (write && !pteAt(s, gp).writable) breakCow(ctx, gp);
    const pte = pteAt(s, gp);
    s.tlbs[VHOST_CPU] = (s.tlbs[VHOST_CPU] ?? []).filter((e) => !(e.kind === 'user' && e.key === key));
    fillTlb(ctx, VHOST_CPU, { kind: 'user', key, frame: pte.frame, size: pte.size });
    entry = findTlb(s, VHOST_CPU, 'user', key);
  }
  const f = entry?.frame ?? pteAt(s, gp).frame;
  if (write) for (const q of entryPages(s, gp)) if (pteAt(s, q).frame === f) pteAt(s, q).dirty = true;
  ctx.cost.stacClac += 1;
  ctx.cost.ringAccesses += 1;
  touchFrame(ctx, f, write, 'QEMU’s user mapping', holdsIdx(s, gp));
}

/** Why a copy_*_user fallback on an area would wait (a migration entry), or null. */
export function fallbackBlocked(s: State, area: number, usesPtr: (lp: number) => boolean): string | null {
  for (const gp of areaPages(s, area)) {
    if (usesPtr(ptrSlot(s, gp))) continue;
    const why = userAccessBlocked(s, gp, area === 2);
    if (why) return why;
  }
  return null;
}

/**
 * might_sleep(): a sleeping call under a spinlock, in an RCU read section or under the PT lock is sleep-in-atomic;
 * in a non-blockable invalidation (the OOM reaper's) it is not atomic context, but the caller must not block.
 */
export function mightSleep(ctx: OpCtx, call: string): void {
  const spinHeld = ctx.s.vhost.mmuLock === ctx.t && !mmuLockIsMutex(ctx.s.scenario.design);
  reportMightSleep(ctx, call, spinHeld, localsOf(ctx).inRcu);
}
