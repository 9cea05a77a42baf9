import { narrating, say } from '../../context';
import { ptrSlot, ringPageCount } from '../../pagetable';
import { W } from '../../schema/state-words';
import { flushUserTlb, pagesText, targetsOf } from './word-memory';
import type { WordOp } from './word-op';
import { holdsPage, updateEntry } from './word-pagetable';

/** Writeback of file memory on words (objects: `writeback-ops.ts`): clear_page_dirty_for_io → page_mkclean → ->writepage. */

/** Scratch lists (module-level, reused): the explorer's steps allocate none. */
const mapped: number[] = [];
const written: number[] = [];

export const WORD_WRITEBACK_OPS = {
  'wb-if-dirty': {
    run(ctx) {
      const { w, t } = ctx;
      const P = W.threads.locals.pages;
      let dirty = false;
      for (let i = 0; i < P.length(w, t); i++) if (W.frames.dirty.get(w, P.get(w, t, i))) dirty = true;
      if (dirty) {
        narrating(ctx) &&
          say(ctx, `frame #${pagesText(w, t, (f) => W.frames.dirty.get(w, f)).join(', #')} is dirty: write it.`);
        return;
      }
      W.threads.pc.set(w, t, ctx.instr.target);
      say(ctx, 'PG_dirty is clear: writeback skips the page.');
    },
  },
  mkclean: {
    run(ctx) {
      const { w, t, scenario } = ctx;
      mapped.length = 0;
      for (const gp of targetsOf(scenario, t))
        if (W.ptes.present.get(w, gp) && holdsPage(w, t, W.ptes.frame.get(w, gp))) mapped.push(gp);
      // The PTEs' dirty bits move to PG_dirty before any PTE of a shared entry is cleaned.
      for (const gp of mapped) if (W.ptes.dirty.get(w, gp)) W.frames.dirty.set(w, W.ptes.frame.get(w, gp), true);
      for (const gp of mapped) updateEntry(w, scenario, gp, undefined, undefined, undefined, false, false);
      flushUserTlb(ctx, mapped);
      if (!narrating(ctx)) return;
      const n = ringPageCount(ctx);
      say(
        ctx,
        mapped.length > 0
          ? `QEMU’s PTEs for ring page(s) ${mapped.map((gp) => gp % n).join(', ')} are now read-only and clean.`
          : 'No user PTE maps the page.',
      );
    },
  },
  writepage: {
    run(ctx) {
      const { w, t, scenario } = ctx;
      written.length = 0;
      for (const gp of targetsOf(scenario, t)) {
        const f = W.ptes.frame.get(w, gp);
        if (!holdsPage(w, t, f) || !W.frames.dirty.get(w, f)) continue;
        W.swap.set(w, ptrSlot(ctx, gp), W.frames.usedIdx.get(w, f));
        if (!written.includes(f)) written.push(f);
      }
      for (const f of written) W.frames.dirty.set(w, f, false);
      narrating(ctx) &&
        say(
          ctx,
          written.length > 0
            ? `PG_dirty cleared on frame #${written.join(', #')}; ->writepage wrote it to the file.`
            : 'Nothing dirty to write.',
        );
    },
  },
} satisfies Record<string, WordOp>;
