import { narrating, report, say } from '../../context';
import { idxPage } from '../../frames';
import { ringPageCount } from '../../pagetable';
import { hasNotifier } from '../../programs/notifier';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { flushUserTlb, targetsOf } from './word-memory';
import type { WordCtx, WordOp } from './word-op';
import { updateEntry } from './word-pagetable';

/** KSM's merge of one ring page and THP's PMD split on words (objects: `ksm-thp-ops.ts`). */

const P = W.threads.locals.pages;
/** One ring page to flush (module-level, reused): the explorer's steps allocate none. */
const one: number[] = [0];

/** The one ring page KSM tries to merge: the page holding used.idx when the event targets it, else the first. */
function ksmTarget(scenario: Scenario, t: number): number {
  const targets = targetsOf(scenario, t);
  const idx = idxPage(scenario.ringSize);
  const n = ringPageCount({ scenario });
  for (const gp of targets) if (gp % n === idx) return gp;
  return targets[0] ?? 0;
}

/** The frame KSM holds (`pages[0]`), or -1. */
const heldFrame = (w: Int32Array, t: number) => (P.length(w, t) > 0 ? P.get(w, t, 0) : -1);

function abort(ctx: WordCtx, jump: boolean): void {
  W.threads.locals.aborted.set(ctx.w, ctx.t, true);
  if (jump) W.threads.pc.set(ctx.w, ctx.t, ctx.instr.target);
}

function flushOne(ctx: WordCtx, gp: number): void {
  one[0] = gp;
  flushUserTlb(ctx, one);
}

export const WORD_KSM_THP_OPS = {
  'ksm-trylock': {
    run(ctx) {
      const { w, t } = ctx;
      const gp = ksmTarget(ctx.scenario, t);
      const f = W.ptes.present.get(w, gp) ? W.ptes.frame.get(w, gp) : -1;
      if (f < 0 || W.frames.owner.get(w, f) !== 'qemu-ring') {
        abort(ctx, true);
        return say(ctx, 'The ring page is not mapped: nothing to merge.');
      }
      if (W.frames.locked.get(w, f)) {
        abort(ctx, true);
        narrating(ctx) &&
          say(ctx, `trylock_page(frame #${f}) failed: KSM skips the page this scan instead of waiting.`);
        return;
      }
      W.frames.locked.set(w, f, true);
      W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) + 1);
      P.setLength(w, t, 1);
      P.set(w, t, 0, f);
      narrating(ctx) && say(ctx, `KSM holds a reference and PG_locked on frame #${f}, the one page it tries to merge.`);
    },
  },
  'ksm-wrprotect': {
    run(ctx) {
      const { w, t, scenario } = ctx;
      const f = heldFrame(w, t);
      const gp = ksmTarget(scenario, t);
      if (f < 0 || !W.ptes.present.get(w, gp) || W.ptes.frame.get(w, gp) !== f) {
        abort(ctx, false);
        return say(ctx, 'The page is no longer mapped here: -EFAULT, nothing to merge.');
      }
      const pteDirty = W.ptes.dirty.get(w, gp);
      if (!W.ptes.writable.get(w, gp) && !pteDirty) {
        narrating(ctx) &&
          say(
            ctx,
            `QEMU’s PTE for frame #${f} is already read-only and clean: no clear, no flush, no reference check.`,
          );
        return;
      }
      flushOne(ctx, gp);
      const refcount = W.frames.refcount.get(w, f);
      const mapcount = W.frames.mapcount.get(w, f);
      if (refcount !== mapcount + 1) {
        abort(ctx, false);
        if (scenario.design === 'vmap-pinned') {
          report(
            ctx,
            'pin-blocks-ksm',
            [f],
            `frame #${f} is pinned by vhost (refcount ${refcount}, mapcount ${mapcount} + KSM’s own 1): write_protect_page restores the PTE and fails, so KSM can never merge it.`,
            'Long-term pins defeat KSM; an MMU notifier lets the page be merged and vhost re-gup it.',
          );
        } else
          narrating(ctx) &&
            say(ctx, `Extra reference on frame #${f}: the PTE is restored and the merge fails with -EFAULT.`);
        return;
      }
      // `setDirty`'s wording for one frame, without its final full stop.
      const wasDirty = W.frames.dirty.get(w, f);
      if (pteDirty) W.frames.dirty.set(w, f, true);
      updateEntry(w, scenario, gp, undefined, undefined, undefined, false, false);
      if (!narrating(ctx)) return;
      const set = wasDirty ? `frame #${f} already dirty` : `PG_dirty set on frame #${f}`;
      const moved = pteDirty ? `${set} (the PTE’s dirty bit); ` : '';
      say(
        ctx,
        `PTE cleared and flushed (gup_fast now fails), no extra reference; ${moved}QEMU’s PTE for frame #${f} is now read-only and clean.`,
      );
    },
  },
  'ksm-if-merge': {
    run(ctx) {
      const { w, t, scenario } = ctx;
      const f = heldFrame(w, t);
      if (W.threads.locals.aborted.get(w, t) || f < 0) {
        W.threads.pc.set(w, t, ctx.instr.target);
        return say(ctx, 'write_protect_page failed: no merge.');
      }
      const kpage = W.threads.locals.newFrame.get(w, t);
      const holdsIdx = ksmTarget(scenario, t) % ringPageCount(ctx) === idxPage(scenario.ringSize);
      if (holdsIdx && W.frames.usedIdx.get(w, f) !== W.frames.usedIdx.get(w, kpage)) {
        abort(ctx, true);
        narrating(ctx) && say(ctx, `frame #${f} no longer matches the KSM page: no merge.`);
        return;
      }
      narrating(ctx) && say(ctx, `frame #${f} is identical to KSM frame #${kpage}: replace it.`);
    },
  },
  'ksm-replace': {
    run(ctx) {
      const { w, t, scenario } = ctx;
      const f = heldFrame(w, t);
      const gp = ksmTarget(scenario, t);
      if (f < 0 || !W.ptes.present.get(w, gp) || W.ptes.frame.get(w, gp) !== f || W.ptes.writable.get(w, gp)) {
        abort(ctx, false);
        return say(
          ctx,
          'pte_same failed: the PTE changed since write_protect_page (a write fault made it writable), no merge.',
        );
      }
      const kpage = W.threads.locals.newFrame.get(w, t);
      updateEntry(w, scenario, gp, kpage, true, undefined, undefined, false);
      W.frames.mapcount.set(w, kpage, W.frames.mapcount.get(w, kpage) + 1);
      W.frames.refcount.set(w, kpage, W.frames.refcount.get(w, kpage) + 1);
      W.frames.mapcount.set(w, f, W.frames.mapcount.get(w, f) - 1);
      W.frames.refcount.set(w, f, W.frames.refcount.get(w, f) - 1);
      // QEMU now maps the KSM page: only KSM's own reference keeps the old frame alive until it is put.
      W.frames.owner.set(w, f, 'orphan');
      flushOne(ctx, gp);
      narrating(ctx) && say(ctx, `QEMU’s PTE now maps the shared KSM frame #${kpage}; frame #${f} is on its way out.`);
    },
  },
  'split-pmd': {
    run(ctx) {
      const { w, scenario } = ctx;
      const targets = targetsOf(scenario, ctx.t);
      flushUserTlb(ctx, targets);
      for (const gp of targets) W.ptes.size.set(w, gp, '4K');
      say(ctx, 'The 2M PMD is now 512 4K PTEs to the same frame.');
      if (hasNotifier(scenario.design) && scenario.design !== 'vmap-notifier') {
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
} satisfies Record<string, WordOp>;
