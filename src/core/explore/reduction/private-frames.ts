/**
 * Frames only one thread can name (docs/partial-order.md, "Frames no other thread can name"). Ops find a frame only
 * through a reference held in the state: a user or vmalloc PTE, a TLB entry, vhost's cached pointer, or a thread's
 * locals (`private-frames.test.ts` checks this on explored states). A frame that no reference but one thread's own
 * locals names stays unnamed by everyone else until that thread steps, so no other thread's step can touch it.
 */
import type { OpName } from '../../ops/op-names';
import type { State } from '../../types';

/**
 * Ops whose whole shared footprint is the frames named in their own thread's `pages` and `refs` (releasing or
 * handing out a reference): `footprints.ts` gives them `frames` alone, and `private-frames.test.ts` checks the names.
 */
export const OWN_FRAME_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'free-batch',
  'reuse',
  'unlock-page',
  'unlock-free',
  'put-pages',
]);

/** Marks in `named` every frame a reference outside thread `t`'s locals names (`t` = -1: every reference). */
export function markNamedFrames(s: State, t: number, named: Uint8Array): void {
  const mark = (f: number) => {
    if (f >= 0 && f < named.length) named[f] = 1;
  };
  for (const pte of s.ptes) mark(pte.frame);
  for (const v of s.vmalloc) mark(v.frame);
  for (const tlb of s.tlbs) for (const e of tlb) mark(e.frame);
  for (const f of s.vhost.ptr) mark(f);
  s.threads.forEach((th, u) => {
    if (u === t) return;
    for (const f of th.locals.pages) mark(f);
    for (const f of th.locals.refs) mark(f);
    mark(th.locals.newFrame);
  });
}

/** Does every frame in thread `t`'s `pages` and `refs` go unnamed by any reference outside `t`'s locals? */
export function ownFramesPrivate(s: State, t: number, scratch: Uint8Array): boolean {
  const named =
    scratch.length >= s.frames.length ? scratch.subarray(0, s.frames.length) : new Uint8Array(s.frames.length);
  named.fill(0);
  markNamedFrames(s, t, named);
  const locals = s.threads[t]?.locals;
  if (!locals) return false;
  for (const f of locals.pages) if (f >= 0 && named[f]) return false;
  for (const f of locals.refs) if (f >= 0 && named[f]) return false;
  return true;
}
