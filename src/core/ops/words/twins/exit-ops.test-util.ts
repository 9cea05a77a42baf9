import { say } from '../../../context';
import { frameAt } from '../../../frames';
import { usedPages } from '../../../layout';
import type { DesignId } from '../../../types';
import { reportUnbalancedMmdrop } from '../../notifier-registration';
import { holderName, type Op } from '../../shared';

/** Designs whose ioctl re-registers without checking (RFC V2, 7f466032dc9e) and whose cleanup always unregisters. */
const UNCHECKED_REGISTER: ReadonlySet<DesignId> = new Set(['vmap-notifier', 'direct-map-rcu']);

/** Designs whose teardown dirties the used-ring page it pointed at (as their start callback would). */
const DIRTIES_ON_TEARDOWN: ReadonlySet<DesignId> = new Set(['kmap-seq', 'interval-notifier', 'interval-mutex']);

export const exitOps = {
  'exit-mm': {
    run(ctx) {
      say(
        ctx,
        'SIGKILL is pending in QEMU’s other threads; QEMU’s mm_users reference is dropped: vhost still holds the address space.',
      );
    },
  },
  'exit-stop-worker': {
    blocked(s, _t, _i, names) {
      // The fd's release runs at its last fput: after a QEMU thread's vring ioctl has returned.
      const ioctl = s.scenario.mm.findIndex((m, i) => m.kind === 'set-vring-addr' && !s.threads[i + 1]?.done);
      if (ioctl >= 0)
        return `vhost_net_release waits for the last fput: ${holderName(names, ioctl + 1)} is still in the vring ioctl`;
      return s.threads[0]?.done ? null : `vhost_net_flush waits for ${names[0] ?? 'the worker'}`;
    },
    run(ctx) {
      say(ctx, 'The vhost worker has stopped.');
    },
  },
  'exit-teardown': {
    run(ctx) {
      const { s } = ctx;
      const v = s.vhost;
      const dirty = DIRTIES_ON_TEARDOWN.has(s.scenario.design) && !s.scenario.bugs.includes('skip-set-page-dirty');
      const pointed = usedPages(s.scenario.ringSize)
        .map((p) => v.ptr[p] ?? -1)
        .filter((f) => f >= 0);
      if (dirty) for (const f of pointed) frameAt(s, f).dirty = true;
      v.ptr = v.ptr.map(() => -1);
      if (v.vmapSlot >= 0) s.vmalloc = s.vmalloc.filter((e) => e.slot !== v.vmapSlot);
      v.vmapSlot = -1;
      const unchecked = UNCHECKED_REGISTER.has(s.scenario.design);
      if (unchecked && !v.registered) reportUnbalancedMmdrop(ctx);
      // 7f466032dc9e's vhost_vq_reset zeroes invalidate_count before the maps are dropped.
      if (s.scenario.design === 'direct-map-rcu') v.count = 0;
      const had = v.registered && s.scenario.design !== 'copy-user' && s.scenario.design !== 'vmap-pinned';
      v.registered = false;
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
        ctx.s.vhost.registered
          ? 'vhost’s notifier is still on the list: its ->release would run now.'
          : 'No vhost notifier is left on the list: mmu_notifier_release calls nothing for vhost.',
      );
    },
  },
} satisfies Record<string, Op>;
