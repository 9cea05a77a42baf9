import { memoryOf } from '../../catalog';
import { narrating, say } from '../../context';
import { idxPage, touchFindings } from '../../frames';
import { ptrSlot, ringPageCount } from '../../pagetable';
import { programsOf } from '../../programs/compile';
import { W } from '../../schema/state-words';
import { countMiss, VHOST_CPU } from '../../tlb';
import type { Program, Scenario } from '../../types';
import { putRef, userTlbKey } from './word-memory';
import type { WordCtx } from './word-op';
import { allocFrame, holdsPage, sameEntry, updateEntry } from './word-pagetable';

/** copy_*_user on words: `userAccess`, `userAccessBlocked`, `faultIn`, `breakCow` and `cowLockHolder` (the one body). */

const E = W.tlbs.item;

/** Is `f` a frame id of the state (`s.frames[f]` defined)? */
const isFrame = (w: Int32Array, f: number) => f >= 0 && f < W.frames.length(w);

/** The pcs of `cow-clear` and `cow-set` in a fork thread's program (computed once per program). */
const cowWindows = new WeakMap<Program, readonly [number, number]>();
function cowWindow(program: Program): readonly [number, number] {
  let pcs = cowWindows.get(program);
  if (!pcs) {
    const ops = program.instrs.map((i) => i.op);
    pcs = [ops.indexOf('cow-clear'), ops.indexOf('cow-set')];
    cowWindows.set(program, pcs);
  }
  return pcs;
}

/** The fork thread holding the PT lock of `gp` inside wp_page_copy, or -1 (`cowLockHolder`: only fork threads' pcs). */
export function cowLockHolder(w: Int32Array, scenario: Scenario, gp: number): number {
  if (W.ptes.present.get(w, gp)) return -1;
  const programs = programsOf(scenario);
  for (let t = 1; t <= scenario.mm.length; t++) {
    const program = programs[t];
    if (scenario.mm[t - 1]?.kind !== 'fork' || !program) continue;
    if (W.threads.done.get(w, t) || W.threads.locals.aborted.get(w, t)) continue;
    const [clear, set] = cowWindow(program);
    const pc = W.threads.pc.get(w, t);
    if (pc > clear && pc <= set && holdsPage(w, t, W.ptes.frame.get(w, gp))) return t;
  }
  return -1;
}

/** The index of CPU0's user TLB entry tagged `key`, or -1 (`findTlb`). */
function findUserTlb(w: Int32Array, key: number): number {
  for (let i = 0; i < E.length(w, VHOST_CPU); i++)
    if (E.kind.get(w, VHOST_CPU, i) === 'user' && E.key.get(w, VHOST_CPU, i) === key) return i;
  return -1;
}

/** Why a user access to `gp` cannot run now, or null (`userAccessBlocked`). */
export function userAccessBlocked(w: Int32Array, scenario: Scenario, gp: number, write: boolean): string | null {
  const f = W.ptes.frame.get(w, gp);
  if (cowLockHolder(w, scenario, gp) > 0)
    return 'faulted on a PTE wp_page_copy has cleared: waits for its page-table lock';
  if (W.ptes.present.get(w, gp)) {
    return write &&
      !W.ptes.writable.get(w, gp) &&
      isFrame(w, f) &&
      W.frames.owner.get(w, f) === 'qemu-ring' &&
      W.frames.locked.get(w, f)
      ? `write fault on a read-only PTE: do_wp_page waits for PG_locked on frame #${f}`
      : null;
  }
  if (findUserTlb(w, userTlbKey(w, scenario, gp)) >= 0) return null;
  if (W.ptes.swapped.get(w, gp) === 'migration') return 'faulted on a migration entry: waits in migration_entry_wait()';
  return isFrame(w, f) && W.frames.owner.get(w, f) === 'swap-cache' && W.frames.locked.get(w, f)
    ? `faulted on a page reclaim holds: waits for PG_locked on frame #${f} (lock_page in the fault path)`
    : null;
}

/** handle_mm_fault for a missing ring page (`faultIn`): found in the cache, read back from its copy, or a new page. */
function faultIn(ctx: WordCtx, gp: number, write: boolean): void {
  const { w, scenario } = ctx;
  const cached = W.ptes.frame.get(w, gp);
  const swapped = W.ptes.swapped.get(w, gp);
  const size = W.ptes.size.get(w, gp);
  const memory = memoryOf(scenario);
  const page = gp % ringPageCount(ctx);
  let f: number;
  // Only reclaim leaves shmem and file PTEs empty (their munmap is not modelled): the page is cached or backed.
  const backed = swapped === 'swap' || (memory !== 'anonymous' && swapped === 'none');
  if (backed && isFrame(w, cached) && W.frames.owner.get(w, cached) === 'swap-cache') {
    f = cached;
    W.frames.owner.set(w, f, 'qemu-ring');
    W.frames.mapcount.set(w, f, 1);
    W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) + 1);
    narrating(ctx) &&
      say(
        ctx,
        `Page fault: ring page ${page} found in the ${memory === 'anonymous' ? 'swap' : 'page'} cache, frame #${f} mapped again.`,
      );
  } else if (backed) {
    const copy = Math.max(W.swap.get(w, ptrSlot(ctx, gp)), 0);
    f = allocFrame(w, size, 'qemu-ring', copy);
    narrating(ctx) &&
      say(
        ctx,
        `Page fault: ring page ${page} read back into new frame #${f} (used.idx ${copy} from ${memory === 'file' ? 'the file' : 'swap'}).`,
      );
  } else {
    f = allocFrame(w, size, 'qemu-ring', 0);
    narrating(ctx) &&
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
  updateEntry(w, scenario, gp, f, true, 'none', fresh && write, writable);
  if (write && !writable) breakCow(ctx, gp);
}

/** A write fault on a read-only PTE (`breakCow`): a page mapped only here is reused, a shared one copied. */
function breakCow(ctx: WordCtx, gp: number): void {
  const { w, scenario } = ctx;
  const old = W.ptes.frame.get(w, gp);
  const owner = W.frames.owner.get(w, old);
  if (owner === 'qemu-ring' && W.frames.mapcount.get(w, old) === 1) {
    const memory = memoryOf(scenario);
    updateEntry(w, scenario, gp, undefined, undefined, undefined, undefined, true);
    W.frames.dirty.set(w, old, true);
    if (memory === 'anonymous') W.swap.set(w, ptrSlot(ctx, gp), -1);
    narrating(ctx) &&
      say(
        ctx,
        memory === 'anonymous'
          ? `Write fault on a read-only PTE: frame #${old} is mapped only here, so do_wp_page reuses it (reuse_swap_page frees any swap copy and sets PG_dirty).`
          : `Write fault on a read-only PTE: page_mkwrite marks frame #${old} dirty and the PTE writable.`,
      );
    return;
  }
  const f = allocFrame(w, W.frames.size.get(w, old), 'qemu-ring', W.frames.usedIdx.get(w, old));
  W.frames.mapcount.set(w, old, W.frames.mapcount.get(w, old) - 1);
  // A ring page shared by fork stays mapped by the child only.
  if (owner === 'qemu-ring') W.frames.owner.set(w, old, 'fork-child');
  putRef(ctx, old);
  updateEntry(w, scenario, gp, f, undefined, undefined, false, true);
  narrating(ctx) && say(ctx, `Write fault on a read-only PTE: COW copies frame #${old} into private frame #${f}.`);
}

/** get_user_pages' slow path (`gupSlowFault`): faults the page in or breaks COW; a migration entry is left alone. */
export function gupSlowFault(ctx: WordCtx, gp: number, write: boolean): boolean {
  const { w } = ctx;
  if (W.ptes.swapped.get(w, gp) === 'migration') return false;
  if (!W.ptes.present.get(w, gp)) faultIn(ctx, gp, write);
  else if (write && !W.ptes.writable.get(w, gp)) breakCow(ctx, gp);
  return true;
}

/** A load or store to a frame (`touchFrame`): the findings are `touchFindings`', shared with the object path. */
export function touchFrame(ctx: WordCtx, f: number, write: boolean, via: string, holdsIdx: boolean): void {
  const { w } = ctx;
  const owner = W.frames.owner.get(w, f);
  if (write && owner === 'reused-by-other') W.frames.corrupted.set(w, f, true);
  touchFindings(ctx, f, owner, write, via);
  if (write && holdsIdx) W.frames.usedIdx.set(w, f, W.published.get(w));
}

/** Drops CPU0's user entries tagged `key` (the object path's `filter`), keeping the others in order. */
function dropUserTlb(w: Int32Array, key: number): void {
  const n = E.length(w, VHOST_CPU);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const kind = E.kind.get(w, VHOST_CPU, i);
    const k = E.key.get(w, VHOST_CPU, i);
    if (kind === 'user' && k === key) continue;
    if (kept !== i) {
      E.kind.set(w, VHOST_CPU, kept, kind);
      E.key.set(w, VHOST_CPU, kept, k);
      E.frame.set(w, VHOST_CPU, kept, E.frame.get(w, VHOST_CPU, i));
      E.size.set(w, VHOST_CPU, kept, E.size.get(w, VHOST_CPU, i));
    }
    kept += 1;
  }
  E.setLength(w, VHOST_CPU, kept);
}

/** copy_from_user / copy_to_user on one ring page (`userAccess`): stac, QEMU's mapping through CPU0's TLB, clac. */
export function userAccess(ctx: WordCtx, gp: number, write: boolean): void {
  const { w, scenario } = ctx;
  const key = userTlbKey(w, scenario, gp);
  let entry = findUserTlb(w, key);
  if (entry >= 0 && write && !W.ptes.writable.get(w, gp)) entry = -1;
  if (entry < 0) {
    if (!W.ptes.present.get(w, gp)) faultIn(ctx, gp, write);
    else if (write && !W.ptes.writable.get(w, gp)) breakCow(ctx, gp);
    dropUserTlb(w, key);
    entry = E.length(w, VHOST_CPU);
    E.setLength(w, VHOST_CPU, entry + 1);
    E.kind.set(w, VHOST_CPU, entry, 'user');
    E.key.set(w, VHOST_CPU, entry, key);
    E.frame.set(w, VHOST_CPU, entry, W.ptes.frame.get(w, gp));
    E.size.set(w, VHOST_CPU, entry, W.ptes.size.get(w, gp));
    countMiss(ctx, W.ptes.size.get(w, gp));
  }
  const f = E.frame.get(w, VHOST_CPU, entry);
  if (write) {
    const n = ringPageCount(ctx);
    const base = Math.floor(gp / n) * n;
    for (let q = base; q < base + n; q++)
      if (sameEntry(w, scenario, gp, q) && W.ptes.frame.get(w, q) === f) W.ptes.dirty.set(w, q, true);
  }
  ctx.cost.stacClac += 1;
  ctx.cost.ringAccesses += 1;
  touchFrame(ctx, f, write, 'QEMU’s user mapping', gp % ringPageCount(ctx) === idxPage(scenario.ringSize));
}
