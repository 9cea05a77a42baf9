import { report, say } from '../context';
import { frameAt, idxPage } from '../frames';
import { usedPages } from '../layout';
import { gpage, pteAt, ringPageCount, updateEntry } from '../pagetable';
import { hasNotifier } from '../programs/notifier';
import { flushUserTlb } from '../tlb';
import { heldByOther, localsOf, mmTargets, type Op } from './shared';

export const ksmThpIoctlOps: Record<string, Op> = {
  'ksm-wrprotect': {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const f = l.pages[0] ?? -1;
      if (f < 0) {
        l.aborted = true;
        return say(ctx, 'The page is no longer mapped: nothing to merge.');
      }
      const page = frameAt(s, f);
      if (page.refcount !== page.mapcount + 1) {
        l.aborted = true;
        if (s.scenario.design === 'vmap-pinned') {
          report(
            ctx,
            'pin-blocks-ksm',
            [f],
            `frame #${f} is pinned by vhost (refcount ${page.refcount} > mapcount ${page.mapcount}): KSM can never merge it.`,
            'Long-term pins defeat KSM; an MMU notifier lets the page be merged and vhost re-gup it.',
          );
        } else say(ctx, `Extra reference on frame #${f}: KSM gives up on this page for now.`);
        return;
      }
      const mapped = mmTargets(s, ctx.t).filter((gp) => pteAt(s, gp).present && pteAt(s, gp).frame === f);
      for (const gp of mapped) {
        if (pteAt(s, gp).dirty) page.dirty = true;
        updateEntry(s, gp, { writable: false, dirty: false });
      }
      flushUserTlb(ctx, mapped);
      say(ctx, `QEMU’s PTE for frame #${f} is now read-only.`);
    },
  },
  'ksm-replace': {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      if (l.aborted) return say(ctx, 'Merge aborted.');
      const f = l.pages[0] ?? -1;
      if (f < 0) return say(ctx, 'Merge aborted.');
      const page = frameAt(s, f);
      const kpage = frameAt(s, l.newFrame);
      const holdsIdx = mmTargets(s, ctx.t).some((gp) => gp % ringPageCount(s) === idxPage(s.scenario.ringSize));
      const gp = mmTargets(s, ctx.t)[0] ?? 0;
      if ((holdsIdx && page.usedIdx !== kpage.usedIdx) || pteAt(s, gp).frame !== f || pteAt(s, gp).writable) {
        l.aborted = true;
        return say(ctx, 'The page changed since it was write-protected: no merge.');
      }
      updateEntry(s, gp, { frame: l.newFrame, writable: false, present: true });
      kpage.mapcount += 1;
      kpage.refcount += 1;
      page.mapcount -= 1;
      page.refcount -= 1;
      // QEMU now maps the KSM page: only KSM's own reference keeps the old frame alive until it is put.
      page.owner = 'orphan';
      flushUserTlb(ctx, [gp]);
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
  'ioctl-lock': {
    blocked: (s, t, _i, names) => heldByOther(s.vhost.vqMutex, t, 'vq->mutex', names),
    run(ctx) {
      ctx.s.vhost.vqMutex = ctx.t;
    },
  },
  'set-addr': {
    run(ctx) {
      const { s } = ctx;
      const v = s.vhost;
      const design = s.scenario.design;
      const pointed = new Set(
        usedPages(s.scenario.ringSize)
          .map((p) => v.ptr[p] ?? -1)
          .filter((f) => f >= 0),
      );
      if (design === 'kmap-seq' || design === 'interval-notifier') {
        for (const f of pointed) frameAt(s, f).dirty = true;
      } else if (design === 'direct-map-rcu' && pointed.size > 0) {
        say(ctx, 'The maps are dropped without set_page_dirty (the merged code’s teardown outside the notifier).');
      }
      v.ptr = v.ptr.map(() => -1);
      if (v.vmapSlot >= 0) s.vmalloc = s.vmalloc.filter((e) => e.slot !== v.vmapSlot);
      v.vmapSlot = -1;
      v.region = v.region === 0 ? 1 : 0;
      if (design === 'interval-notifier') v.seq = v.itreeActive > 0 ? v.itreeSeq : v.itreeSeq - 1;
      say(
        ctx,
        `The ring now lives in region ${v.region} (${v.region === 0 ? 'inside' : 'outside'} the range the mm side invalidates), at frame #${pteAt(s, gpage(s, v.region, 0)).frame}.`,
      );
    },
  },
  'ioctl-unlock': {
    run(ctx) {
      ctx.s.vhost.vqMutex = -1;
    },
  },
};
