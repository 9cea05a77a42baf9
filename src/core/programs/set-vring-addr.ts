import type { Line } from './line';
import type { Builder } from './mm-calls';

/** What each design does to its cached pointers when the ring moves (RFC V2 and the merged code by their own names). */
const SET_ADDR_CODE: Partial<Record<Builder['design'], string>> = {
  'vmap-notifier': 'vq->desc/avail/used = new addresses; vhost_uninit_vq_vmaps(vq);',
  'direct-map-rcu': 'vhost_uninit_vq_maps(vq); vq->desc/avail/used = new addresses; vhost_setup_vq_uaddr(vq);',
  'kmap-seq': 'if (write) set_page_dirty(userringpage); userringpage = NULL; vq->desc/avail/used = new addresses;',
  'interval-notifier':
    'mmu_interval_notifier_remove(&vq->notifier);  /* waits for an invalidation in progress */ drop the pointer; new addresses; mmu_interval_notifier_insert();',
  'interval-mutex':
    'mmu_interval_notifier_remove(&vq->notifier);  /* waits for an invalidation in progress */ drop the pointer; new addresses; mmu_interval_notifier_insert();',
};

/**
 * VHOST_SET_VRING_ADDR: vhost_net_ioctl holds dev->mutex (so two vring ioctls never overlap), then vq->mutex.
 * RFC V2 5/5 (in vhost_vring_ioctl, around every vring ioctl) and 7f466032dc9e (vhost_vring_set_num_addr) unregister
 * the notifier first, so the callback may read the addresses without a lock, and register it again after without
 * checking the result; Andrea's proposal and the interval notifier keep it registered.
 */
export function setVringAddr(b: Builder): Line[] {
  const reregister = b.design === 'vmap-notifier' || b.design === 'direct-map-rcu';
  const rfcV2 = b.design === 'vmap-notifier';
  return [
    {
      op: 'ioctl-lock',
      fn: rfcV2 ? 'vhost_vring_ioctl' : 'vhost_vring_set_num_addr',
      code: 'mutex_lock(&vq->mutex);  /* the caller, vhost_net_ioctl, already holds dev->mutex */',
      explain:
        'QEMU changes the ring address (VHOST_SET_VRING_ADDR) under the device mutex and the vq mutex: no other vring ioctl runs meanwhile.',
    },
    ...(reregister
      ? ([
          {
            op: 'notifier-unregister',
            fn: 'mmu_notifier_unregister',
            code: 'mmu_notifier_unregister(&d->mmu_notifier, d->mm);  /* ends in synchronize_srcu() */',
            explain:
              'Takes vhost’s notifier off the list and waits for every callback already running to return, all while holding vq->mutex.',
            point: 'range-count',
          },
        ] satisfies Line[])
      : []),
    {
      op: 'set-addr',
      fn: rfcV2 ? 'vhost_vring_ioctl' : 'vhost_vring_set_num_addr',
      code: SET_ADDR_CODE[b.design] ?? 'vq->desc/avail/used = new addresses;',
      explain: 'The cached pointers are dropped and the ring now lives at other pages.',
      point: 'range-count',
    },
    ...(reregister
      ? ([
          {
            op: 'notifier-register',
            fn: 'mmu_notifier_register',
            code: 'mmu_notifier_register(&d->mmu_notifier, d->mm);  /* return value not checked; down_write(mmap_sem); mm_take_all_locks(): -EINTR on a pending signal */',
            explain:
              'Registering takes mmap_sem for write and every rmap lock, so it waits for invalidations in progress; invalidate_count is not reset. A pending signal makes it fail with no mmgrab, and the error is ignored.',
            point: 'range-count',
          },
        ] satisfies Line[])
      : []),
    {
      op: 'ioctl-unlock',
      fn: 'mutex_unlock',
      code: 'mutex_unlock(&vq->mutex);',
      explain: 'The worker may run again, at the new address.',
    },
  ];
}
