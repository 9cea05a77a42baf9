import { narrating, report, say } from '../../../context';
import { frameAt, idxPage, setDirty } from '../../../frames';
import { pteAt, ringPageCount, updateEntry } from '../../../pagetable';
import { hasNotifier } from '../../../programs/notifier';
import { flushUserTlb } from '../../../tlb';
import type { State } from '../../../types';
import { jump, localsOf, mmTargets, type Op } from '../../shared';

export const ksmThpOps = {
  'ksm-trylock': {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const gp = ksmTarget(s, ctx.t);
      const f = pteAt(s, gp).present ? pteAt(s, gp).frame : -1;
      const page = f >= 0 ? frameAt(s, f) : undefined;
      if (page?.owner !== 'qemu-ring') {
        l.aborted = true;
        jump(ctx, ctx.instr.target);
        return say(ctx, 'The ring page is not mapped: nothing to merge.');
      }
      if (page.locked) {
        l.aborted = true;
        jump(ctx, ctx.instr.target);
        return (
          narrating(ctx) &&
          say(ctx, `trylock_page(frame #${f}) failed: KSM skips the page this scan instead of waiting.`)
        );
      }
      Object.assign(page, { locked: true, refcount: page.refcount + 1 });
      l.pages = [f];
      narrating(ctx) && say(ctx, `KSM holds a reference and PG_locked on frame #${f}, the one page it tries to merge.`);
    },
  },
  'ksm-wrprotect': {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const f = l.pages[0] ?? -1;
      const gp = ksmTarget(s, ctx.t);
      const pte = pteAt(s, gp);
      if (f < 0 || !pte.present || pte.frame !== f) {
        l.aborted = true;
        return say(ctx, 'The page is no longer mapped here: -EFAULT, nothing to merge.');
      }
      if (!pte.writable && !pte.dirty)
        return (
          narrating(ctx) &&
          say(ctx, `QEMU’s PTE for frame #${f} is already read-only and clean: no clear, no flush, no reference check.`)
        );
      flushUserTlb(ctx, [gp]);
      const page = frameAt(s, f);
      if (page.refcount !== page.mapcount + 1) {
        l.aborted = true;
        if (s.scenario.design === 'vmap-pinned') {
          report(
            ctx,
            'pin-blocks-ksm',
            [f],
            `frame #${f} is pinned by vhost (refcount ${page.refcount}, mapcount ${page.mapcount} + KSM’s own 1): write_protect_page restores the PTE and fails, so KSM can never merge it.`,
            'Long-term pins defeat KSM; an MMU notifier lets the page be merged and vhost re-gup it.',
          );
        } else
          narrating(ctx) &&
            say(ctx, `Extra reference on frame #${f}: the PTE is restored and the merge fails with -EFAULT.`);
        return;
      }
      const moved = pte.dirty ? `${setDirty(s, [f]).slice(0, -1)} (the PTE’s dirty bit); ` : '';
      updateEntry(s, gp, { writable: false, dirty: false });
      say(
        ctx,
        `PTE cleared and flushed (gup_fast now fails), no extra reference; ${moved}QEMU’s PTE for frame #${f} is now read-only and clean.`,
      );
    },
  },
  'ksm-if-merge': {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const f = l.pages[0] ?? -1;
      if (l.aborted || f < 0) {
        jump(ctx, ctx.instr.target);
        return say(ctx, 'write_protect_page failed: no merge.');
      }
      const holdsIdx = localPageOf(s, ksmTarget(s, ctx.t)) === idxPage(s.scenario.ringSize);
      if (holdsIdx && frameAt(s, f).usedIdx !== frameAt(s, l.newFrame).usedIdx) {
        l.aborted = true;
        jump(ctx, ctx.instr.target);
        return narrating(ctx) && say(ctx, `frame #${f} no longer matches the KSM page: no merge.`);
      }
      narrating(ctx) && say(ctx, `frame #${f} is identical to KSM frame #${l.newFrame}: replace it.`);
    },
  },
  'ksm-replace': {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const f = l.pages[0] ?? -1;
      const gp = ksmTarget(s, ctx.t);
      const pte = pteAt(s, gp);
      if (f < 0 || !pte.present || pte.frame !== f || pte.writable) {
        l.aborted = true;
        return say(
          ctx,
          'pte_same failed: the PTE changed since write_protect_page (a write fault made it writable), no merge.',
        );
      }
      const page = frameAt(s, f);
      const kpage = frameAt(s, l.newFrame);
      updateEntry(s, gp, { frame: l.newFrame, writable: false, present: true });
      kpage.mapcount += 1;
      kpage.refcount += 1;
      page.mapcount -= 1;
      page.refcount -= 1;
      // QEMU now maps the KSM page: only KSM's own reference keeps the old frame alive until it is put.
      page.owner = 'orphan';
      flushUserTlb(ctx, [gp]);
      narrating(ctx) &&
        say(ctx, `QEMU’s PTE now maps the shared KSM frame #${l.newFrame}; frame #${f} is on its way out.`);
    },
  },
  'split-pmd': {
    run(ctx) {
      const { s } = ctx;
      const targets = mmTargets(s, ctx.t);
      flushUserTlb(ctx, targets);
      for (const gp of targets) pteAt(s, gp).size = '4K';
      say(ctx, 'The 2M PMD is now 512 4K PTEs to the same frame.');
      if (hasNotifier(s.scenario.design) && s.scenario.design !== 'vmap-notifier') {
        report(
          ctx,
          'spurious-invalidation',
          [],
          'THP split invalidated the whole 2M range although no page moved: vhost loses its pointer and must gup again.',
          'A cost, not a bug: only seq/count decide whether the pointer is still valid.',
        );
      }
    },
  },
} satisfies Record<string, Op>;

function localPageOf(s: State, gp: number): number {
  return gp % ringPageCount(s);
}

/** The one ring page KSM tries to merge: the page holding used.idx when the event targets it, else the first. */
function ksmTarget(s: State, t: number): number {
  const targets = mmTargets(s, t);
  const idx = idxPage(s.scenario.ringSize);
  return targets.find((gp) => localPageOf(s, gp) === idx) ?? targets[0] ?? 0;
}
