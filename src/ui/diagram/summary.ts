import { isStaleTlb } from '../../core';
import type { State } from '../../core/types';
import { isGone, usesVmap } from './labels';
import { shownPages } from './nodes';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function kernelPath(state: State): string {
  const { design } = state.scenario;
  if (design === 'copy-user') return 'vhost has no kernel pointer and copies through QEMU’s page table';
  if (usesVmap(design)) {
    const slot = state.vhost.vmapSlot;
    const local = state.threads[0]?.locals.mapSlot ?? -1;
    const localGone = local >= 0 && !state.vmalloc.some((v) => v.slot === local);
    const map = slot < 0 ? 'userringpage (vq->map) is NULL' : `userringpage (vq->map) points at vmap slot ${slot}`;
    return localGone ? `${map} and the worker's copy of the map is dangling into a torn-down slot` : map;
  }
  const live = state.vhost.ptr.filter((f) => f >= 0);
  const field = design === 'direct-map-rcu' ? 'vq->maps[]' : 'vq->ptr';
  if (live.length === 0) return `userringpage (${field}) is NULL`;
  const dangling = live.filter((f) => isGone(state.frames[f])).length;
  const frames = [...new Set(live)].map((f) => `#${f}`).join(', ');
  return `userringpage (${field}) reaches frame ${frames} through the direct map${dangling > 0 ? `, ${dangling} of them dangling into freed memory` : ''}`;
}

/** The picture in one sentence, for its text alternative. */
export function describeState(state: State): string {
  const pages = shownPages(state);
  const present = pages.filter((gp) => state.ptes[gp]?.present).length;
  const freed = state.frames.filter((f) => isGone(f)).length;
  const stale = state.tlbs.reduce((n, tlb, cpu) => n + tlb.filter((e) => isStaleTlb(state, cpu, e)).length, 0);
  const step = state.time === 0 ? 'At the start' : `After step ${state.time}`;
  const rings = (state.scenario.vqs ?? 1) > 1 ? ' (the rings of vq 0 and vq 1)' : '';
  return (
    `${step}, ${present} of ${plural(pages.length, 'ring page')}${rings} ${present === 1 ? 'is' : 'are'} mapped by QEMU, ` +
    `${plural(freed, 'frame')} of ${state.frames.length} ${freed === 1 ? 'is' : 'are'} freed or reused, ` +
    `${kernelPath(state)}, and ${plural(stale, 'TLB entry', 'TLB entries')} ${stale === 1 ? 'is' : 'are'} stale.`
  );
}
