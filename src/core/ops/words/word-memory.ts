import { narrating, say } from '../../context';
import { ringPageCount } from '../../pagetable';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { holderName, mmTargets } from '../shared';
import type { WordCtx } from './word-op';

/**
 * Memory helpers on words, for the ops written on words. While ops still on objects use `frames.ts`, `tlb.ts` and
 * `pagetable.ts`, each helper here has an object twin; the packed machine's agreement tests prove the two equal.
 */

/** Global ring pages of mm thread `t`'s target (region 0). */
export const targetsOf = (scenario: Scenario, t: number): readonly number[] => mmTargets({ scenario }, t);

/** put_page: drops one reference; the last one frees the frame unless it is still mapped by QEMU (`putRef`). */
export function putRef(ctx: WordCtx, f: number): void {
  const { w } = ctx;
  const refcount = W.frames.refcount.get(w, f) - 1;
  W.frames.refcount.set(w, f, refcount);
  if (refcount > 0) return;
  const owner = W.frames.owner.get(w, f);
  if (owner === 'qemu-ring' && W.frames.mapcount.get(w, f) > 0) return;
  if (owner === 'swap-cache') return;
  W.frames.owner.set(w, f, 'free');
  W.frames.dirty.set(w, f, false);
  W.frames.locked.set(w, f, false);
  narrating(ctx) && say(ctx, `frame #${f} reached refcount 0 and went back to the page allocator.`);
}

/** The thread that holds a page lock: the mm thread working on that frame (`lockHolder`). */
export function lockHolder(w: Int32Array, f: number, names: readonly string[]): string {
  for (let t = 1; t < W.threads.length(w); t++) {
    if (W.threads.done.get(w, t)) continue;
    const n = W.threads.locals.pages.length(w, t);
    for (let i = 0; i < n; i++) if (W.threads.locals.pages.get(w, t, i) === f) return holderName(names, t);
  }
  return 'the mm side';
}

/** The i-th target's frame if no earlier target maps the same frame (`framesOf` dedupes), else -1. */
export function firstFrameOf(w: Int32Array, targets: readonly number[], i: number): number {
  const f = W.ptes.frame.get(w, targets[i] ?? 0);
  for (let j = 0; j < i; j++) if (W.ptes.frame.get(w, targets[j] ?? 0) === f) return -1;
  return f;
}

/** The user TLB tag of a ring page: a huge entry is cached once, under its first ring page (`userTlbKey`). */
export function userTlbKey(w: Int32Array, scenario: Scenario, gp: number): number {
  const size = W.ptes.size.get(w, gp);
  if (size === '4K') return gp;
  const n = ringPageCount({ scenario });
  const base = Math.floor(gp / n) * n;
  const ptes = W.ptes.length(w);
  for (let i = base; i < base + n && i < ptes; i++) if (W.ptes.size.get(w, i) === size) return i;
  return gp;
}

function flushedKey(w: Int32Array, scenario: Scenario, gps: readonly number[], key: number): boolean {
  for (const gp of gps) if (key === gp || key === userTlbKey(w, scenario, gp)) return true;
  return false;
}

/** flush_tlb_range on QEMU's mm: drops the ring pages' user entries on every CPU (`flushUserTlb`). */
export function flushUserTlb(ctx: WordCtx, gps: readonly number[]): void {
  const { w, scenario } = ctx;
  const E = W.tlbs.item;
  for (let cpu = 0; cpu < W.tlbs.length(w); cpu++) {
    const n = E.length(w, cpu);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const kind = E.kind.get(w, cpu, i);
      const key = E.key.get(w, cpu, i);
      if (kind === 'user' && flushedKey(w, scenario, gps, key)) continue;
      if (kept !== i) {
        E.kind.set(w, cpu, kept, kind);
        E.key.set(w, cpu, kept, key);
        E.frame.set(w, cpu, kept, E.frame.get(w, cpu, i));
        E.size.set(w, cpu, kept, E.size.get(w, cpu, i));
      }
      kept += 1;
    }
    E.setLength(w, cpu, kept);
  }
  ctx.cost.tlbFlushes += 1;
  ctx.cost.ipis += 1;
}

/** The frames of a thread's `pages` list, joined for a sentence (narration only). */
export function pagesText(w: Int32Array, t: number, keep: (f: number) => boolean = () => true): string[] {
  const out: string[] = [];
  for (let i = 0; i < W.threads.locals.pages.length(w, t); i++) {
    const f = W.threads.locals.pages.get(w, t, i);
    if (keep(f)) out.push(String(f));
  }
  return out;
}
