import { narrating, say } from '../../../context';
import { frameAt } from '../../../frames';
import { pteAt, ptrSlot, ringPageCount, updateEntry } from '../../../pagetable';
import { flushUserTlb } from '../../../tlb';
import { jump, localsOf, mmTargets, type Op } from '../../shared';

/** Writeback of file memory: write_cache_pages → clear_page_dirty_for_io → page_mkclean → ->writepage (v5.0). */
export const writebackOps = {
  'wb-if-dirty': {
    run(ctx) {
      const l = localsOf(ctx);
      const dirty = l.pages.filter((f) => frameAt(ctx.s, f).dirty);
      if (dirty.length > 0) return narrating(ctx) && say(ctx, `frame #${dirty.join(', #')} is dirty: write it.`);
      jump(ctx, ctx.instr.target);
      say(ctx, 'PG_dirty is clear: writeback skips the page.');
    },
  },
  mkclean: {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const mapped = mmTargets(s, ctx.t).filter((gp) => pteAt(s, gp).present && l.pages.includes(pteAt(s, gp).frame));
      const dirtyPte = mapped.filter((gp) => pteAt(s, gp).dirty);
      for (const gp of dirtyPte) frameAt(s, pteAt(s, gp).frame).dirty = true;
      for (const gp of mapped) updateEntry(s, gp, { writable: false, dirty: false });
      flushUserTlb(ctx, mapped);
      say(
        ctx,
        mapped.length > 0
          ? `QEMU’s PTEs for ring page(s) ${mapped.map((gp) => gp % ringPageCount(s)).join(', ')} are now read-only and clean.`
          : 'No user PTE maps the page.',
      );
    },
  },
  writepage: {
    run(ctx) {
      const { s } = ctx;
      const l = localsOf(ctx);
      const written: number[] = [];
      for (const gp of mmTargets(s, ctx.t)) {
        const f = pteAt(s, gp).frame;
        if (!l.pages.includes(f) || !frameAt(s, f).dirty) continue;
        s.swap[ptrSlot(s, gp)] = frameAt(s, f).usedIdx;
        if (!written.includes(f)) written.push(f);
      }
      for (const f of written) frameAt(s, f).dirty = false;
      say(
        ctx,
        written.length > 0
          ? `PG_dirty cleared on frame #${written.join(', #')}; ->writepage wrote it to the file.`
          : 'Nothing dirty to write.',
      );
    },
  },
} satisfies Record<string, Op>;
