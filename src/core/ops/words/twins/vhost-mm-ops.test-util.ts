import { report, say } from '../../../context';
import { frameAt, putRef, setDirty } from '../../../frames';
import { usedPages } from '../../../layout';
import { ringPageCount, servedVq } from '../../../pagetable';
import type { State } from '../../../types';
import { jump, localsOf, lockHolder, type Op, vmapSlotOf } from '../../shared';
import { areaPages, fallbackBlocked, mightSleep, userAccess } from './object-access.test-util';

/** The object bodies of `uaccess`, `unpin`, `dirty-lock` (vhost-ops.ts) and `oom-check` (mm-ops.ts) before words. */

const isWrite = (area: number) => area === 2;

function mapVq(s: State): number {
  return s.scenario.design === 'vmap-pinned' ? 0 : servedVq(s);
}

function vmappedUsedFrames(s: State): number[] {
  const used = new Set(usedPages(s.scenario.ringSize));
  const n = ringPageCount(s);
  const slot = vmapSlotOf(s, mapVq(s));
  return [...new Set(s.vmalloc.filter((v) => v.slot === slot && used.has(v.page % n)).map((v) => v.frame))];
}

export const vhostMmTwins = {
  unpin: {
    run(ctx) {
      const l = localsOf(ctx);
      const refs = l.refs;
      l.refs = [];
      for (const f of refs) putRef(ctx, f);
      if (refs.length > 0)
        say(
          ctx,
          `The pin on ${refs.length} page(s) is released; PG_dirty is left as it was (V1 calls no set_page_dirty).`,
        );
    },
  },
  uaccess: {
    blocked: (s, _t, i) => fallbackBlocked(s, i.arg, () => false),
    run(ctx) {
      if (isWrite(ctx.instr.arg)) ctx.s.published += 1;
      for (const gp of areaPages(ctx.s, ctx.instr.arg)) userAccess(ctx, gp, isWrite(ctx.instr.arg));
    },
  },
  'dirty-lock': {
    blocked(s, _t, _i, names) {
      for (const f of vmappedUsedFrames(s)) {
        if (frameAt(s, f).locked)
          return `lock_page(frame #${f}) sleeps: PG_locked is held by ${lockHolder(s, f, names)}`;
      }
      return null;
    },
    run(ctx) {
      const frames = vmappedUsedFrames(ctx.s);
      if (frames.length > 0) mightSleep(ctx, 'set_page_dirty_lock()');
      const what = setDirty(ctx.s, frames);
      ctx.cost.locks += frames.length;
      if (frames.length > 0) say(ctx, `set_page_dirty_lock: ${what}`);
    },
  },
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
} satisfies Record<string, Op>;
