import { narrating, report, say } from '../../context';
import { W } from '../../schema/state-words';
import { flushUserTlb, pagesText, targetsOf } from './word-memory';
import type { WordCtx, WordOp } from './word-op';
import { allocFrame, holdsPage, updateEntry } from './word-pagetable';

/** fork's copy_page_range and the COW fault in QEMU (do_wp_page → wp_page_copy) on words (objects: `fork-ops.ts`). */

const P = W.threads.locals.pages;
const R = W.threads.locals.refs;
/** Scratch lists (module-level, reused): the explorer's steps allocate none. */
const frames: number[] = [];
const gps: number[] = [];

/** Pushes `f` onto `frames` unless it is there already; true if it was new. */
function addFrame(f: number): boolean {
  if (frames.includes(f)) return false;
  frames.push(f);
  return true;
}

const refsText = (w: Int32Array, t: number) => Array.from({ length: R.length(w, t) }, (_, i) => R.get(w, t, i));

function forkCopy(ctx: WordCtx): void {
  const { w, scenario } = ctx;
  frames.length = 0;
  for (const gp of targetsOf(scenario, ctx.t)) {
    if (!W.ptes.present.get(w, gp)) continue;
    const f = W.ptes.frame.get(w, gp);
    if (addFrame(f)) {
      W.frames.mapcount.set(w, f, W.frames.mapcount.get(w, f) + 1);
      W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) + 1);
    }
    updateEntry(w, scenario, gp, undefined, undefined, undefined, undefined, false);
  }
  narrating(ctx) &&
    say(
      ctx,
      frames.length > 0
        ? `Frame #${frames.join(', #')} now mapped by QEMU and its child (mapcount +1, refcount +1); QEMU’s PTEs are read-only.`
        : 'No mapped ring page to share.',
    );
}

/** do_wp_page: a page mapped only here is reused in place; one still shared with the child goes to wp_page_copy. */
function cowFault(ctx: WordCtx): void {
  const { w, t, scenario } = ctx;
  gps.length = 0;
  frames.length = 0;
  for (const gp of targetsOf(scenario, t)) if (W.ptes.present.get(w, gp) && !W.ptes.writable.get(w, gp)) gps.push(gp);
  for (const gp of gps) {
    const f = W.ptes.frame.get(w, gp);
    if (W.frames.owner.get(w, f) === 'qemu-ring' && W.frames.mapcount.get(w, f) > 1) addFrame(f);
  }
  for (const gp of gps) {
    if (frames.includes(W.ptes.frame.get(w, gp))) continue;
    updateEntry(w, scenario, gp, undefined, undefined, undefined, true, true);
    narrating(ctx) && say(ctx, `Frame #${W.ptes.frame.get(w, gp)} is mapped only here: do_wp_page reuses it, no copy.`);
  }
  P.setLength(w, t, frames.length);
  for (let i = 0; i < frames.length; i++) P.set(w, t, i, frames[i] ?? -1);
  if (frames.length > 0) {
    narrating(ctx) && say(ctx, `Write fault on frame #${frames.join(', #')}, shared with the child.`);
    return;
  }
  W.threads.locals.aborted.set(w, t, true);
  W.threads.pc.set(w, t, ctx.instr.target);
  say(ctx, 'No ring page is still shared read-only (a write fault already copied it): nothing to copy.');
}

function cowCopy(ctx: WordCtx): void {
  const { w, t } = ctx;
  const n = P.length(w, t);
  R.setLength(w, t, n);
  for (let i = 0; i < n; i++) {
    const old = P.get(w, t, i);
    const q = allocFrame(w, W.frames.size.get(w, old), 'isolated', W.frames.usedIdx.get(w, old));
    W.frames.mapcount.set(w, q, 0);
    R.set(w, t, i, q);
  }
  narrating(ctx) &&
    say(ctx, `Frame #${pagesText(w, t).join(', #')} copied into new frame #${refsText(w, t).join(', #')}.`);
}

function cowClear(ctx: WordCtx): void {
  const { w, t, scenario } = ctx;
  gps.length = 0;
  let raced = false;
  for (const gp of targetsOf(scenario, t)) {
    if (!holdsPage(w, t, W.ptes.frame.get(w, gp))) continue;
    gps.push(gp);
    if (!W.ptes.present.get(w, gp) || W.ptes.writable.get(w, gp)) raced = true;
  }
  if (gps.length === 0 || raced) {
    W.threads.locals.aborted.set(w, t, true);
    for (let i = 0; i < R.length(w, t); i++) {
      W.frames.refcount.set(w, R.get(w, t, i), 0);
      W.frames.owner.set(w, R.get(w, t, i), 'free');
    }
    say(ctx, 'pte_same failed (another write fault got there first): the new page is freed, nothing changes.');
    return;
  }
  for (const gp of gps) updateEntry(w, scenario, gp, undefined, false, 'none', undefined, undefined);
  flushUserTlb(ctx, gps);
  narrating(ctx) &&
    say(ctx, `PT lock taken; QEMU’s PTE for frame #${pagesText(w, t).join(', #')} cleared and flushed.`);
}

function cowSet(ctx: WordCtx): void {
  const { w, t, scenario } = ctx;
  if (W.threads.locals.aborted.get(w, t)) {
    say(ctx, 'wp_page_copy gave up: nothing to set.');
    return;
  }
  const fresh = narrating(ctx) ? refsText(w, t) : null;
  for (let i = 0; i < P.length(w, t); i++) {
    const f = P.get(w, t, i);
    const q = i < R.length(w, t) ? R.get(w, t, i) : -1;
    gps.length = 0;
    for (const gp of targetsOf(scenario, t)) if (W.ptes.frame.get(w, gp) === f) gps.push(gp);
    for (const gp of gps) updateEntry(w, scenario, gp, q, true, 'none', true, true);
    W.frames.owner.set(w, q, 'qemu-ring');
    W.frames.mapcount.set(w, q, 1);
    W.frames.refcount.set(w, q, 1);
    W.frames.mapcount.set(w, f, W.frames.mapcount.get(w, f) - 1);
    W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) - 1);
    W.frames.owner.set(w, f, 'fork-child');
    const stored = W.frames.usedIdx.get(w, f);
    const copied = W.frames.usedIdx.get(w, q);
    if (stored !== copied) {
      report(
        ctx,
        'lost-write',
        [f, q],
        `vhost stored used.idx ${stored} into frame #${f} after wp_page_copy copied it: QEMU’s new frame #${q} still holds ${copied}, and the guest reads #${q}.`,
        'wp_page_copy copies before its invalidate_range_start, so no kernel alias may outlive fork: copy_page_range’s start must clear it, and the retry check must keep a new one from being published until that invalidation ends.',
      );
    }
  }
  R.setLength(w, t, 0);
  fresh &&
    say(
      ctx,
      `QEMU’s PTE now maps private frame #${fresh.join(', #')}; ->change_pte reaches no vhost callback; frame #${pagesText(w, t).join(', #')} is left to the child.`,
    );
}

export const WORD_FORK_OPS = {
  'fork-copy': { run: forkCopy },
  'cow-fault': { run: cowFault },
  'cow-copy': { run: cowCopy },
  'cow-clear': { run: cowClear },
  'cow-set': { run: cowSet },
} satisfies Record<string, WordOp>;
