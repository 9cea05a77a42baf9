import type { OpCtx } from '../../../context';
import { report, say } from '../../../context';
import { allocFrame, frameAt } from '../../../frames';
import { pteAt, updateEntry } from '../../../pagetable';
import { flushUserTlb } from '../../../tlb';
import type { State } from '../../../types';
import { jump, localsOf, mmTargets, type Op } from '../../shared';

/** Target ring pages whose PTE maps one of `frames`, present or (inside wp_page_copy) just cleared. */
function pagesOf(s: State, t: number, frames: readonly number[]): number[] {
  return mmTargets(s, t).filter((gp) => frames.includes(pteAt(s, gp).frame));
}

function forkCopy(ctx: OpCtx): void {
  const { s } = ctx;
  const shared: number[] = [];
  for (const gp of mmTargets(s, ctx.t)) {
    const pte = pteAt(s, gp);
    if (!pte.present) continue;
    const frame = frameAt(s, pte.frame);
    if (!shared.includes(pte.frame)) {
      shared.push(pte.frame);
      frame.mapcount += 1;
      frame.refcount += 1;
    }
    updateEntry(s, gp, { writable: false });
  }
  say(
    ctx,
    shared.length > 0
      ? `Frame #${shared.join(', #')} now mapped by QEMU and its child (mapcount +1, refcount +1); QEMU’s PTEs are read-only.`
      : 'No mapped ring page to share.',
  );
}

/** do_wp_page: a page mapped only here is reused in place; one still shared with the child goes to wp_page_copy. */
function cowFault(ctx: OpCtx): void {
  const { s } = ctx;
  const l = localsOf(ctx);
  const faulting = mmTargets(s, ctx.t).filter((gp) => pteAt(s, gp).present && !pteAt(s, gp).writable);
  const shared = [...new Set(faulting.map((gp) => pteAt(s, gp).frame))].filter(
    (f) => frameAt(s, f).owner === 'qemu-ring' && frameAt(s, f).mapcount > 1,
  );
  for (const gp of faulting.filter((p) => !shared.includes(pteAt(s, p).frame))) {
    updateEntry(s, gp, { writable: true, dirty: true });
    say(ctx, `Frame #${pteAt(s, gp).frame} is mapped only here: do_wp_page reuses it, no copy.`);
  }
  l.pages = shared;
  if (shared.length > 0) {
    say(ctx, `Write fault on frame #${shared.join(', #')}, shared with the child.`);
    return;
  }
  l.aborted = true;
  jump(ctx, ctx.instr.target);
  say(ctx, 'No ring page is still shared read-only (a write fault already copied it): nothing to copy.');
}

function cowCopy(ctx: OpCtx): void {
  const l = localsOf(ctx);
  l.refs = l.pages.map((f) => {
    const old = frameAt(ctx.s, f);
    const q = allocFrame(ctx.s, old.size, 'isolated', old.usedIdx);
    frameAt(ctx.s, q).mapcount = 0;
    return q;
  });
  say(ctx, `Frame #${l.pages.join(', #')} copied into new frame #${l.refs.join(', #')}.`);
}

function cowClear(ctx: OpCtx): void {
  const { s } = ctx;
  const l = localsOf(ctx);
  const gps = pagesOf(s, ctx.t, l.pages);
  if (gps.length === 0 || gps.some((gp) => !pteAt(s, gp).present || pteAt(s, gp).writable)) {
    l.aborted = true;
    for (const q of l.refs) Object.assign(frameAt(s, q), { refcount: 0, owner: 'free' });
    say(ctx, 'pte_same failed (another write fault got there first): the new page is freed, nothing changes.');
    return;
  }
  for (const gp of gps) updateEntry(s, gp, { present: false, swapped: 'none' });
  flushUserTlb(ctx, gps);
  say(ctx, `PT lock taken; QEMU’s PTE for frame #${l.pages.join(', #')} cleared and flushed.`);
}

function cowSet(ctx: OpCtx): void {
  const { s } = ctx;
  const l = localsOf(ctx);
  if (l.aborted) {
    say(ctx, 'wp_page_copy gave up: nothing to set.');
    return;
  }
  l.pages.forEach((f, i) => {
    const q = l.refs[i] ?? -1;
    const old = frameAt(s, f);
    for (const gp of pagesOf(s, ctx.t, [f]))
      updateEntry(s, gp, { frame: q, present: true, writable: true, dirty: true, swapped: 'none' });
    Object.assign(frameAt(s, q), { owner: 'qemu-ring', mapcount: 1, refcount: 1 });
    Object.assign(old, { mapcount: old.mapcount - 1, refcount: old.refcount - 1, owner: 'fork-child' });
    if (old.usedIdx !== frameAt(s, q).usedIdx) {
      report(
        ctx,
        'lost-write',
        [f, q],
        `vhost stored used.idx ${old.usedIdx} into frame #${f} after wp_page_copy copied it: QEMU’s new frame #${q} still holds ${frameAt(s, q).usedIdx}, and the guest reads #${q}.`,
        'wp_page_copy copies before its invalidate_range_start, so no kernel alias may outlive fork: copy_page_range’s start must clear it, and the retry check must keep a new one from being published until that invalidation ends.',
      );
    }
  });
  const fresh = l.refs;
  l.refs = [];
  say(
    ctx,
    `QEMU’s PTE now maps private frame #${fresh.join(', #')}; ->change_pte reaches no vhost callback; frame #${l.pages.join(', #')} is left to the child.`,
  );
}

export const forkOps = {
  'fork-copy': { run: forkCopy },
  'cow-fault': { run: cowFault },
  'cow-copy': { run: cowCopy },
  'cow-clear': { run: cowClear },
  'cow-set': { run: cowSet },
} satisfies Record<string, Op>;
