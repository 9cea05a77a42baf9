import type { BugSwitch } from '../types';
import { END, type Line } from './line';
import { AREA_WHAT, accessLines, gupLine, putLine, roundBegin, roundEnd } from './vhost-common';

export function copyUser(): Line[] {
  return [
    roundBegin,
    ...accessLines(
      'uaccess',
      (a) => `${a === 2 ? '__put_user' : '__get_user'}(...);  /* stac; ${AREA_WHAT[a]}; clac */`,
      (a) =>
        `copy_*_user goes through QEMU’s own mapping, so the MMU and its TLB shootdowns keep it coherent; each access pays stac/clac (SMAP)${a === 2 ? ' (__put_user uses __uaccess_begin: no speculation barrier)' : ', and a read also the speculation barrier of __uaccess_begin_nospec'}.`,
    ),
    roundEnd,
  ];
}

export function vmapPinned(): Line[] {
  return [
    {
      ...gupLine(END),
      op: 'gup',
      code: 'get_user_pages_fast(uaddr, npages, write, pages);  /* long-term pin */',
      explain: 'V1 pins the ring pages for as long as the ring is set up.',
      to: 'round',
      point: 'pin',
    },
    {
      op: 'vmap',
      fn: 'vmap',
      code: 'vq->map = vmap(pages, npages, VM_MAP, PAGE_KERNEL);',
      explain: 'vmap writes one 4K vmalloc PTE per ring page: 4K TLB entries even when QEMU uses huge pages.',
      point: 'vmap-4k',
    },
    roundBegin,
    ...accessLines(
      'vaccess',
      (a) => `${AREA_WHAT[a]} through vq->map`,
      () => 'A plain load or store through the vmap alias: no stac/clac.',
    ),
    roundEnd,
    {
      op: 'vunmap',
      fn: 'vunmap',
      code: 'vunmap(vq->map);',
      explain: 'vunmap clears the vmalloc PTEs; the TLB flush is deferred to the lazy purge.',
    },
    {
      ...putLine,
      op: 'unpin',
      fn: 'release_pages',
      code: 'release_pages(pages, npages);  /* unpin; V1 calls no set_page_dirty */',
      explain:
        'The pin ends only when the ring is torn down; V1 does not dirty the pages it wrote through the alias (Dec 2018, 1/3–3/3).',
    },
  ];
}

export function vmapNotifier(bugs: BugSwitch[]): Line[] {
  const lines: Line[] = [
    roundBegin,
    {
      op: 'if-vmapped',
      fn: 'vq_meta_prefetch',
      code: 'if (vq->map) goto access;',
      explain: 'A valid mapping is reused across rounds.',
      to: 'access',
    },
    gupLine('access'),
    {
      op: 'vmap',
      fn: 'vmap',
      code: 'vq->map = vmap(pages, npages, VM_MAP, PAGE_KERNEL);',
      explain: 'vmap writes 4K vmalloc PTEs for the ring pages.',
      point: 'vmap-4k',
    },
    { ...putLine, point: 'no-pin' },
    {
      op: 'vload',
      fn: 'vq_meta_prefetch',
      code: 'map = READ_ONCE(vq->map);',
      explain:
        'The worker loads the vmap address once for the round; only vq->mutex keeps the notifier from tearing it down while it is in use.',
      label: 'access',
    },
    ...accessLines(
      'vaccess',
      (a) => `${AREA_WHAT[a]} through map (else copy_*_user)`,
      () => 'Loads and stores go through the vmap address the worker loaded.',
    ).map(({ label: _label, ...line }) => line),
  ];
  if (!bugs.includes('skip-set-page-dirty')) {
    lines.push({
      op: 'dirty-lock',
      fn: 'set_page_dirty_lock',
      code: 'set_page_dirty_lock(used page);  /* vq_meta_prefetch_done */',
      explain:
        'RFC V2 dirties the used-ring pages after every round; lock_page() can sleep, and it runs under vq->mutex.',
      point: 'dirty-lock',
    });
  }
  lines.push(roundEnd);
  return lines;
}
