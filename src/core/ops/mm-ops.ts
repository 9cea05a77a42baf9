import { memoryOf } from '../catalog';
import type { OpCtx } from '../context';
import { narrating, report, say } from '../context';
import { allocFrame, frameAt, idxPage } from '../frames';
import { pteAt, ptrSlot, ringPageCount, updateEntry } from '../pagetable';
import { flushUserTlb } from '../tlb';
import { jump, localsOf, mmTargets, type Op } from './shared';
import { restoreMigrationEntries, unmapTargets } from './unmap';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** Is frame `f` held by vhost's long-term pin (V1)? */
function pinnedByVhost(ctx: OpCtx, f: number): boolean {
  return ctx.s.scenario.design === 'vmap-pinned' && (ctx.s.threads[0]?.locals.refs.includes(f) ?? false);
}

export const mmOps = {
  'lock-page': onWords(WORD_OPS['lock-page']),
  zap: {
    run(ctx) {
      const frames = unmapTargets(ctx, null, 'none', 'isolated', false);
      const l = localsOf(ctx);
      l.refs = frames;
      l.pages = frames.slice();
      say(
        ctx,
        frames.length > 0
          ? `PTEs cleared; frame #${frames.join(', #')} queued for freeing.`
          : 'Nothing mapped in the range.',
      );
    },
  },
  'tlb-flush': onWords(WORD_OPS['tlb-flush']),
  'free-batch': onWords(WORD_OPS['free-batch']),
  reuse: onWords(WORD_OPS.reuse),
  'oom-check': {
    run(ctx) {
      if (!localsOf(ctx).eagain) return say(ctx, 'The notifier agreed: the reaper zaps the VMA.');
      localsOf(ctx).aborted = true;
      jump(ctx, ctx.instr.target);
      report(
        ctx,
        'oom-reaper-skipped',
        [],
        'The notifier refused a non-blockable invalidation, so the OOM reaper skipped QEMU’s VMA and freed none of its memory; oom_reap_task tries again up to 10 times, HZ/10 apart, and then gives up on the mm.',
        'Return -EAGAIN (or false) only when the range overlaps the ring and the callback would really have to sleep.',
      );
    },
  },
  'unmap-swap': {
    run(ctx) {
      const { s } = ctx;
      const anon = memoryOf(s.scenario) === 'anonymous';
      const before = new Set(localsOf(ctx).pages.filter((f) => frameAt(s, f).dirty));
      if (anon) {
        // add_to_swap (before try_to_unmap in shrink_page_list) dirties a page that has no swap copy yet.
        for (const gp of mmTargets(s, ctx.t)) {
          const pte = pteAt(s, gp);
          if (pte.present && localsOf(ctx).pages.includes(pte.frame) && (s.swap[ptrSlot(s, gp)] ?? -1) < 0)
            frameAt(s, pte.frame).dirty = true;
        }
      }
      // A page-cache page (shmem, file) leaves an empty PTE behind: the next fault finds it in the page cache.
      const frames = unmapTargets(ctx, localsOf(ctx).pages, anon ? 'swap' : 'none', 'swap-cache', true, true);
      flushUserTlb(ctx, mmTargets(s, ctx.t));
      const dirtied = frames.filter((f) => frameAt(s, f).dirty && !before.has(f));
      const clean = frames.filter((f) => !frameAt(s, f).dirty);
      const parts = [
        frames.length > 0
          ? `${anon ? 'Swap entries installed' : 'PTEs cleared'} for frame #${frames.join(', #')}.`
          : 'No PTE of the target maps a page this reclaim holds: nothing to unmap.',
      ];
      if (dirtied.length > 0) parts.push(`PG_dirty newly set on frame #${dirtied.join(', #')}.`);
      if (before.size > 0) parts.push(`Frame #${[...before].join(', #')} was already dirty.`);
      if (clean.length > 0) parts.push(`PG_dirty is clear on frame #${clean.join(', #')}.`);
      narrating(ctx) && say(ctx, parts.join(' '));
    },
  },
  pageout: {
    run(ctx) {
      const { s } = ctx;
      const candidates = localsOf(ctx).pages.filter((f) => frameAt(s, f).dirty && frameAt(s, f).owner === 'swap-cache');
      // is_page_cache_freeable: a page with a reference beyond the cache's and reclaim's own is kept unwritten (PAGE_KEEP).
      const pinned = candidates.filter((f) => frameAt(s, f).refcount > 1);
      const dirty = candidates.filter((f) => !pinned.includes(f));
      if (pinned.length > 0)
        say(
          ctx,
          `frame #${pinned.join(', #')} has an extra reference: is_page_cache_freeable fails, so pageout keeps it dirty and unwritten.`,
        );
      for (const gp of mmTargets(s, ctx.t)) {
        const pte = pteAt(s, gp);
        if (!pte.present && pte.swapped !== 'migration' && dirty.includes(pte.frame))
          s.swap[ptrSlot(s, gp)] = frameAt(s, pte.frame).usedIdx;
      }
      for (const f of dirty) frameAt(s, f).dirty = false;
      say(
        ctx,
        dirty.length > 0
          ? `pageout wrote frame #${dirty.join(', #')} to ${memoryOf(s.scenario) === 'file' ? 'the file' : 'swap'}.`
          : pinned.length > 0
            ? 'Nothing else to write.'
            : 'PG_dirty is clear: nothing is written; what the backing store holds is trusted.',
      );
    },
  },
  'remove-mapping': {
    run(ctx) {
      const { s } = ctx;
      const idx = idxPage(s.scenario.ringSize);
      for (const f of localsOf(ctx).pages) {
        const frame = frameAt(s, f);
        if (frame.owner !== 'swap-cache' || frame.refcount > 1) {
          narrating(ctx) && say(ctx, `frame #${f} is mapped again or has extra references: it stays.`);
          continue;
        }
        // __remove_mapping re-checks PG_dirty after freezing the refcount: a page dirtied since pageout stays.
        if (frame.dirty) {
          narrating(ctx) &&
            say(ctx, `frame #${f} became dirty after pageout looked: it stays cached for the next pass.`);
          continue;
        }
        const gp = mmTargets(s, ctx.t).find((p) => pteAt(s, p).frame === f && p % ringPageCount(s) === idx);
        const copy = gp === undefined ? undefined : s.swap[ptrSlot(s, gp)];
        if (gp !== undefined && frame.usedIdx !== copy) {
          report(
            ctx,
            'lost-write',
            [f],
            `frame #${f} was dropped clean: its used.idx ${frame.usedIdx} never reached ${backingName(s)}, which still holds ${copy}; the next fault reads that back and the guest sees stale completions.`,
            'Writes through a kernel alias never set the PTE dirty bit: invalidate_range_start must set_page_dirty() on pages vhost mapped for writing.',
          );
        }
        Object.assign(frame, { refcount: 0, owner: 'free', locked: false, dirty: false });
        say(
          ctx,
          `frame #${f} removed from the ${memoryOf(s.scenario) === 'anonymous' ? 'swap' : 'page'} cache and freed.`,
        );
      }
    },
  },
  'unlock-page': onWords(WORD_OPS['unlock-page']),
  'unmap-migration': {
    run(ctx) {
      unmapTargets(ctx, localsOf(ctx).pages, 'migration', 'isolated', true);
      flushUserTlb(ctx, mmTargets(ctx.s, ctx.t));
      say(ctx, 'Migration entries installed; user accesses now wait.');
    },
  },
  'move-mapping': {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const extra = l.pages.find((f) => frameAt(s, f).refcount > 1);
      if (extra !== undefined) {
        l.aborted = true;
        restoreMigrationEntries(ctx, l.pages);
        const count = frameAt(s, extra).refcount;
        if (pinnedByVhost(ctx, extra)) {
          report(
            ctx,
            'pin-blocks-migration',
            [extra],
            `frame #${extra} is pinned by vhost (refcount ${count}): migration fails with -EAGAIN on every retry.`,
            'Drop the long-term pin and rely on an MMU notifier, so the page can move.',
          );
        } else
          narrating(ctx) &&
            say(ctx, `An extra reference (refcount ${count}) makes migration return -EAGAIN; the PTE is restored.`);
        return;
      }
      l.refs = l.pages.map((f) => {
        const old = frameAt(s, f);
        const q = allocFrame(s, old.size, 'isolated', old.usedIdx);
        Object.assign(frameAt(s, q), { mapcount: 0, dirty: old.dirty });
        old.owner = 'migrated-old';
        return q;
      });
      narrating(ctx) &&
        say(ctx, `Contents copied from frame #${l.pages.join(', #')} to new frame #${l.refs.join(', #')}.`);
    },
  },
  remap: {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      if (l.aborted) return say(ctx, 'Migration was aborted.');
      const mapped = new Set<number>();
      for (const gp of mmTargets(s, ctx.t)) {
        const pte = pteAt(s, gp);
        const q = l.refs[l.pages.indexOf(pte.frame)] ?? -1;
        if (q < 0 || pte.swapped !== 'migration') continue;
        updateEntry(s, gp, { frame: q, present: true, swapped: 'none', writable: true });
        mapped.add(q);
      }
      for (const q of l.refs) {
        Object.assign(
          frameAt(s, q),
          mapped.has(q) ? { mapcount: 1, owner: 'qemu-ring' } : { refcount: 0, owner: 'free' },
        );
      }
      narrating(ctx) && say(ctx, `QEMU’s PTE now points at frame #${l.refs.join(', #')}.`);
      l.refs = [];
    },
  },
  'unlock-free': onWords(WORD_OPS['unlock-free']),
} satisfies Record<string, Op>;

/** Where a clean page's contents would be read back from. */
function backingName(s: OpCtx['s']): string {
  const memory = memoryOf(s.scenario);
  return memory === 'file'
    ? 'the file'
    : memory === 'shmem'
      ? 'swap (a new fault of a never-written-out shmem page reads zeros)'
      : 'swap';
}
