import type { Frame, FrameOwner, PageSize, Pte, State, ThreadState, TlbEntry, TlbKind, VmallocPte } from '../types';
import type { IntWriter } from './int-writer';

// Codes are indices into the tables of state-decoding.ts; switches, because this runs once per transition.
function sizeCode(size: PageSize): number {
  return size === '4K' ? 0 : size === '2M' ? 1 : 2;
}

function swappedCode(swapped: Pte['swapped']): number {
  return swapped === 'none' ? 0 : swapped === 'swap' ? 1 : 2;
}

function tlbKindCode(kind: TlbKind): number {
  return kind === 'user' ? 0 : kind === 'vmalloc' ? 1 : 2;
}

function ownerCode(owner: FrameOwner): number {
  switch (owner) {
    case 'qemu-ring':
      return 0;
    case 'free':
      return 1;
    case 'reused-by-other':
      return 2;
    case 'ksm-shared':
      return 3;
    case 'swap-cache':
      return 4;
    case 'isolated':
      return 5;
    case 'orphan':
      return 6;
    case 'migrated-old':
      return 7;
    case 'fork-child':
      return 8;
  }
}

function sizeBound(s: State): number {
  let n = 32 + s.ptes.length * 2 + s.frames.length * 4 + s.vmalloc.length * 3 + s.vhost.ptr.length + s.swap.length;
  for (const tlb of s.tlbs) n += 1 + tlb.length * 3;
  for (const t of s.threads) n += 8 + t.locals.pages.length + t.locals.refs.length;
  return n;
}

/**
 * Writes every State field that affects the future into `w`: ptes, frames, vmalloc, tlbs, vhost, threads
 * (pc, done, locals), swap and published. Left out, because they cannot change what any schedule does next:
 * `scenario` (constant per run), `time`, `counters` and `findings`. Every list is length-prefixed, so the
 * encoding is injective and `decodeState` can rebuild the state from it.
 */
export function encodeState(s: State, w: IntWriter): void {
  w.ensure(w.len + sizeBound(s));
  const b = w.buf;
  let i = w.len;
  const { ptes, frames, vmalloc, tlbs, vhost, threads, swap } = s;
  b[i++] = ptes.length;
  for (let k = 0; k < ptes.length; k++) {
    const p = ptes[k] as Pte;
    b[i++] = p.frame;
    b[i++] =
      sizeCode(p.size) |
      (swappedCode(p.swapped) << 2) |
      (p.present ? 16 : 0) |
      (p.writable ? 32 : 0) |
      (p.dirty ? 64 : 0);
  }
  b[i++] = frames.length;
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k] as Frame;
    b[i++] = f.refcount;
    b[i++] = f.mapcount;
    b[i++] = f.usedIdx;
    b[i++] =
      sizeCode(f.size) |
      (ownerCode(f.owner) << 2) |
      (f.dirty ? 64 : 0) |
      (f.locked ? 128 : 0) |
      (f.corrupted ? 256 : 0);
  }
  b[i++] = vmalloc.length;
  for (let k = 0; k < vmalloc.length; k++) {
    const v = vmalloc[k] as VmallocPte;
    b[i++] = v.slot;
    b[i++] = v.page;
    b[i++] = v.frame;
  }
  b[i++] = tlbs.length;
  for (let k = 0; k < tlbs.length; k++) {
    const tlb = tlbs[k] as TlbEntry[];
    b[i++] = tlb.length;
    for (let j = 0; j < tlb.length; j++) {
      const e = tlb[j] as TlbEntry;
      b[i++] = tlbKindCode(e.kind) | (sizeCode(e.size) << 2);
      b[i++] = e.key;
      b[i++] = e.frame;
    }
  }
  b[i++] = vhost.region;
  i = writeList(b, i, vhost.ptr);
  b[i++] = vhost.vmapSlot;
  b[i++] = vhost.nextSlot;
  b[i++] = vhost.seq;
  b[i++] = vhost.count;
  b[i++] = vhost.itreeSeq;
  b[i++] = vhost.itreeActive;
  b[i++] = vhost.mmuLock;
  b[i++] = vhost.vqMutex;
  b[i++] = vhost.registered ? 1 : 0;
  b[i++] = threads.length;
  for (let k = 0; k < threads.length; k++) {
    const t = threads[k] as ThreadState;
    const l = t.locals;
    b[i++] = t.pc;
    b[i++] = (t.done ? 1 : 0) | (l.inRcu ? 2 : 0) | (l.eagain ? 4 : 0) | (l.aborted ? 8 : 0) | (l.unpublished ? 16 : 0);
    b[i++] = l.round;
    b[i++] = l.seqSnap;
    b[i++] = l.newFrame;
    b[i++] = l.mapSlot;
    i = writeList(b, i, l.pages);
    i = writeList(b, i, l.refs);
  }
  i = writeList(b, i, swap);
  b[i++] = s.published;
  // Typed arrays drop out-of-bounds writes silently: an undersized sizeBound must fail loudly, not merge states.
  if (i > b.length) throw new RangeError(`state encoding overflowed its bound (${i} > ${b.length})`);
  w.len = i;
}

function writeList(b: Int32Array, start: number, list: readonly number[]): number {
  let i = start;
  b[i++] = list.length;
  for (let k = 0; k < list.length; k++) b[i++] = list[k] as number;
  return i;
}
