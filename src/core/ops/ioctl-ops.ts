import { isIntervalDesign } from '../catalog';
import { say } from '../context';
import { frameAt } from '../frames';
import { usedPages } from '../layout';
import { gpage, pteAt, ringPageCount } from '../pagetable';
import { programsOf } from '../programs/compile';
import type { State } from '../types';
import { reportUnbalancedMmdrop } from './mmdrop';
import { holderName, type Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** Mm events whose whole call runs under mmap_sem (do_munmap and dup_mmap for write; the OOM reaper, ksmd and a fault for read). */
export const MMAP_SEM_KINDS: ReadonlySet<string> = new Set(['munmap', 'munmap-batch-full', 'oom-reap', 'ksm', 'fork']);

/**
 * Does mm thread `t` hold a lock mmu_notifier_register must take? mmap_sem for the events above; otherwise the rmap
 * lock (anon_vma / i_mmap) its walk holds from start to the end of _end, which mm_take_all_locks also takes.
 */
function holdsMmLocks(s: State, t: number): boolean {
  const th = s.threads[t];
  const kind = s.scenario.mm[t - 1]?.kind;
  if (!th || th.done || th.pc === 0 || !kind) return false;
  if (MMAP_SEM_KINDS.has(kind)) return true;
  const instrs = programsOf(s.scenario)[t]?.instrs ?? [];
  const first = instrs.findIndex((i) => i.op === 'mm-start');
  const last = instrs.map((i) => i.op).lastIndexOf('mm-end');
  return first >= 0 && th.pc > first && (th.pc <= last || (instrs[th.pc]?.depth ?? 0) > 0);
}

/** Is thread `t` inside a notifier callback (an SRCU read section of the mm's notifier list)? */
function inCallback(s: State, t: number): boolean {
  const th = s.threads[t];
  if (!th || th.done || t === 0) return false;
  return (programsOf(s.scenario)[t]?.instrs[th.pc]?.depth ?? 0) > 0;
}

/**
 * QEMU's exit has begun (its first step is do_group_exit → zap_other_threads): SIGKILL is pending in every other QEMU
 * thread, so mm_take_all_locks in a register made from one of them returns -EINTR (mm/mmap.c, v5.0).
 */
export function signalPending(s: State): boolean {
  return s.scenario.mm.some((m, i) => m.kind === 'exit' && (s.threads[i + 1]?.pc ?? 0) > 0);
}

export const ioctlOps = {
  'ioctl-lock': onWords(WORD_OPS['ioctl-lock']),
  'set-addr': {
    // mmu_interval_notifier_remove waits (wait_event on invalidate_seq) while an invalidation is in progress (v5.5).
    blocked: (s) =>
      isIntervalDesign(s.scenario.design) && (s.vhost.itreeSeq & 1) === 1
        ? 'mmu_interval_notifier_remove waits for the invalidation in progress to end'
        : null,
    run(ctx) {
      const { s } = ctx;
      const v = s.vhost;
      const design = s.scenario.design;
      const pointed = new Set(
        usedPages(s.scenario.ringSize)
          .map((p) => v.ptr[p] ?? -1)
          .filter((f) => f >= 0),
      );
      if (design === 'kmap-seq' || isIntervalDesign(design)) {
        for (const f of pointed) frameAt(s, f).dirty = true;
      } else if (design === 'direct-map-rcu' && pointed.size > 0) {
        say(ctx, 'The maps are dropped without set_page_dirty (the merged code’s teardown outside the notifier).');
      }
      // vhost_uninit_vq_maps(vq): only the moved vq's maps (vq 0's slots) are dropped.
      const n = ringPageCount(s);
      v.ptr = v.ptr.map((f, slot) => (slot < n ? -1 : f));
      if (v.vmapSlot >= 0) s.vmalloc = s.vmalloc.filter((e) => e.slot !== v.vmapSlot);
      v.vmapSlot = -1;
      v.region = v.region === 0 ? 1 : 0;
      // __mmu_interval_notifier_insert during an active invalidation makes the sequence odd and the new interval's equal.
      if (isIntervalDesign(design) && v.itreeActive > 0) v.itreeSeq |= 1;
      if (isIntervalDesign(design)) v.seq = v.itreeActive > 0 ? v.itreeSeq : v.itreeSeq - 1;
      say(
        ctx,
        `The ring now lives in region ${v.region} (${v.region === 0 ? 'inside' : 'outside'} the range the mm side invalidates), at frame #${pteAt(s, gpage(s, v.region, 0)).frame}.`,
      );
    },
  },
  'ioctl-unlock': onWords(WORD_OPS['ioctl-unlock']),
  'notifier-unregister': {
    blocked(s, t, _i, names) {
      const inside = s.threads.findIndex((_th, u) => u !== t && inCallback(s, u));
      return inside > 0
        ? `mmu_notifier_unregister waits in synchronize_srcu() for ${holderName(names, inside)} to return from the notifier callback`
        : null;
    },
    run(ctx) {
      if (!ctx.s.vhost.registered) reportUnbalancedMmdrop(ctx);
      ctx.s.vhost.registered = false;
      say(ctx, 'vhost’s notifier is off the list: invalidations that start or end from now on do not call it.');
    },
  },
  'notifier-register': {
    blocked(s, t, _i, names) {
      const holder = s.threads.findIndex((_th, u) => u !== t && u > 0 && holdsMmLocks(s, u));
      return holder > 0
        ? `mmu_notifier_register waits for mmap_sem and mm_take_all_locks, held by ${holderName(names, holder)}`
        : null;
    },
    run(ctx) {
      if (signalPending(ctx.s)) {
        say(
          ctx,
          'SIGKILL is pending (QEMU is exiting): mm_take_all_locks() returns -EINTR, so the notifier is not added and no mmgrab() is taken; vhost ignores the return value.',
        );
        return;
      }
      ctx.s.vhost.registered = true;
      say(
        ctx,
        `vhost’s notifier is registered again; invalidate_count is ${ctx.s.vhost.count} (not reset), so an _end missed while unregistered is never matched.`,
      );
    },
  },
} satisfies Record<string, Op>;
