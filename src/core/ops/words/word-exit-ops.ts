import { narrating, report, say } from '../../context';
import { usedPages } from '../../layout';
import { W } from '../../schema/state-words';
import type { DesignId } from '../../types';
import { reportUnbalancedMmdrop } from '../notifier-registration';
import { holderName } from '../shared';
import type { WordOp } from './word-op';
import { dropVmap } from './word-vmalloc';

/** QEMU's exit (exit_mm, the fd's release, exit_mmap) and the OOM reaper's check on words (objects: `exit-ops.ts`). */

/** Designs whose ioctl re-registers without checking (RFC V2, 7f466032dc9e) and whose cleanup always unregisters. */
const UNCHECKED_REGISTER: ReadonlySet<DesignId> = new Set(['vmap-notifier', 'direct-map-rcu']);

/** Designs whose teardown dirties the used-ring page it pointed at (as their start callback would). */
const DIRTIES_ON_TEARDOWN: ReadonlySet<DesignId> = new Set(['kmap-seq', 'interval-notifier', 'interval-mutex']);

export const WORD_EXIT_OPS = {
  'exit-mm': {
    run(ctx) {
      say(
        ctx,
        'SIGKILL is pending in QEMU’s other threads; QEMU’s mm_users reference is dropped: vhost still holds the address space.',
      );
    },
  },
  'exit-stop-worker': {
    blocked(w, _t, _i, names, scenario) {
      // The fd's release runs at its last fput: after a QEMU thread's vring ioctl has returned.
      for (let i = 0; i < scenario.mm.length; i++)
        if (scenario.mm[i]?.kind === 'set-vring-addr' && !W.threads.done.get(w, i + 1))
          return `vhost_net_release waits for the last fput: ${holderName(names, i + 1)} is still in the vring ioctl`;
      return W.threads.done.get(w, 0) ? null : `vhost_net_flush waits for ${names[0] ?? 'the worker'}`;
    },
    run(ctx) {
      say(ctx, 'The vhost worker has stopped.');
    },
  },
  'exit-teardown': {
    run(ctx) {
      const { w, scenario } = ctx;
      const design = scenario.design;
      const dirty = DIRTIES_ON_TEARDOWN.has(design) && !scenario.bugs.includes('skip-set-page-dirty');
      // The pointed frames' list for the sentence only: the explorer's steps allocate none.
      const pointed: number[] | null = narrating(ctx) ? [] : null;
      for (const p of usedPages(scenario.ringSize)) {
        const f = W.vhost.ptr.get(w, p);
        if (f < 0) continue;
        pointed?.push(f);
        if (dirty) W.frames.dirty.set(w, f, true);
      }
      for (let i = 0; i < W.vhost.ptr.length(w); i++) W.vhost.ptr.set(w, i, -1);
      const slot = W.vhost.vmapSlot.get(w);
      if (slot >= 0) dropVmap(w, slot);
      W.vhost.vmapSlot.set(w, -1);
      const registered = W.vhost.registered.get(w);
      const unchecked = UNCHECKED_REGISTER.has(design);
      if (unchecked && !registered) reportUnbalancedMmdrop(ctx);
      // 7f466032dc9e's vhost_vq_reset zeroes invalidate_count before the maps are dropped.
      if (design === 'direct-map-rcu') W.vhost.count.set(w, 0);
      const had = registered && design !== 'copy-user' && design !== 'vmap-pinned';
      W.vhost.registered.set(w, false);
      pointed &&
        say(
          ctx,
          `${had ? 'vhost’s notifier is off the list (no ->release to call). ' : unchecked ? 'vhost’s notifier is not on the list (a register failed), yet mmu_notifier_unregister() runs and ends in mmdrop(). ' : ''}Kernel pointers dropped${dirty && pointed.length > 0 ? `, frame #${pointed.join(', #')} dirtied` : ''}; vhost’s mm_users reference is put.`,
        );
    },
  },
  'exit-release': {
    run(ctx) {
      say(
        ctx,
        W.vhost.registered.get(ctx.w)
          ? 'vhost’s notifier is still on the list: its ->release would run now.'
          : 'No vhost notifier is left on the list: mmu_notifier_release calls nothing for vhost.',
      );
    },
  },
  'oom-check': {
    run(ctx) {
      const { w, t } = ctx;
      if (!W.threads.locals.eagain.get(w, t)) return say(ctx, 'The notifier agreed: the reaper zaps the VMA.');
      W.threads.locals.aborted.set(w, t, true);
      W.threads.pc.set(w, t, ctx.instr.target);
      report(
        ctx,
        'oom-reaper-skipped',
        [],
        'The notifier refused a non-blockable invalidation, so the OOM reaper skipped QEMU’s VMA and freed none of its memory; oom_reap_task tries again up to 10 times, HZ/10 apart, and then gives up on the mm.',
        'Return -EAGAIN (or false) only when the range overlaps the ring and the callback would really have to sleep.',
      );
    },
  },
} satisfies Record<string, WordOp>;
