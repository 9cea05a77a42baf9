import { memoryOf } from '../../catalog';
import { report } from '../../context';
import { idxPage } from '../../frames';
import { ptrSlot, ringPageCount, servedVqAt } from '../../pagetable';
import { W } from '../../schema/state-words';
import { countMiss, VHOST_CPU } from '../../tlb';
import type { Scenario } from '../../types';
import type { WordCtx } from './word-op';
import { touchFrame } from './word-user-access';

/** The vmap designs' kernel alias on words: vmalloc PTEs, their TLB entries, and an access through them. */

const V = W.vmalloc;
const E = W.tlbs.item;

/** The vq whose vmap the worker uses this round: V1's one long-term vmap covers every vq's ring (`mapVq`). */
export function mapVqOf(w: Int32Array, scenario: Scenario): number {
  return scenario.design === 'vmap-pinned' ? 0 : servedVqAt(scenario, W.threads.locals.round.get(w, 0));
}

/** vunmap's PTE side: drops every vmalloc PTE of `slot`, keeping the others in order (`vmalloc.filter`). */
export function dropVmap(w: Int32Array, slot: number): void {
  const n = V.length(w);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (V.slot.get(w, i) === slot) continue;
    if (kept !== i) {
      V.slot.set(w, kept, V.slot.get(w, i));
      V.page.set(w, kept, V.page.get(w, i));
      V.frame.set(w, kept, V.frame.get(w, i));
    }
    kept += 1;
  }
  if (kept !== n) V.setLength(w, kept);
}

/** Index of the vmalloc PTE of (`slot`, `page`), or -1. */
function vmallocPte(w: Int32Array, slot: number, page: number): number {
  for (let i = 0, n = V.length(w); i < n; i++) if (V.slot.get(w, i) === slot && V.page.get(w, i) === page) return i;
  return -1;
}

/** Index of CPU0's vmalloc TLB entry for `key`, or -1. */
function vmallocTlb(w: Int32Array, key: number): number {
  for (let i = 0, n = E.length(w, VHOST_CPU); i < n; i++)
    if (E.kind.get(w, VHOST_CPU, i) === 'vmalloc' && E.key.get(w, VHOST_CPU, i) === key) return i;
  return -1;
}

/** A load or store through the vmap alias: 4K vmalloc PTEs, cached in CPU0's TLB until a flush. */
export function vmallocAccess(ctx: WordCtx, slot: number, gp: number, write: boolean): void {
  const { w, scenario } = ctx;
  const page = ptrSlot(ctx, gp);
  const key = slot * 64 + page;
  const entry = vmallocTlb(w, key);
  const pte = vmallocPte(w, slot, page);
  const holdsIdx = gp % ringPageCount(ctx) === idxPage(scenario.ringSize);
  ctx.cost.ringAccesses += 1;
  if (entry >= 0) {
    const cached = E.frame.get(w, VHOST_CPU, entry);
    if (pte < 0 || V.frame.get(w, pte) !== cached) {
      report(
        ctx,
        'stale-tlb',
        [cached],
        `CPU0 reached frame #${cached} through a TLB entry for a vmalloc address whose PTE vunmap already cleared: vunmap defers the TLB flush to the lazy purge.`,
        'A reader must stop using the alias before the teardown returns; clearing PTEs without a flush leaves the old translation usable.',
      );
    }
    touchFrame(ctx, cached, write, 'a stale vmalloc TLB entry', holdsIdx);
    return;
  }
  if (pte < 0) {
    report(
      ctx,
      'use-after-free',
      [],
      'vhost dereferenced a vmalloc address that vunmap already tore down: a kernel paging-request oops.',
      'The pointer to the vmap alias must be cleared under the lock the reader holds, before vunmap.',
    );
    return;
  }
  const f = V.frame.get(w, pte);
  const k = E.length(w, VHOST_CPU);
  E.setLength(w, VHOST_CPU, k + 1);
  E.kind.set(w, VHOST_CPU, k, 'vmalloc');
  E.key.set(w, VHOST_CPU, k, key);
  E.frame.set(w, VHOST_CPU, k, f);
  E.size.set(w, VHOST_CPU, k, '4K');
  countMiss(ctx, '4K');
  touchFrame(ctx, f, write, 'the vmap alias', holdsIdx);
  if (write && scenario.design === 'vmap-pinned' && memoryOf(scenario) === 'file' && !W.frames.dirty.get(w, f)) {
    report(
      ctx,
      'pin-write-after-writeback',
      [f],
      `V1 stored into frame #${f} through its pin after writeback cleaned it (clear_page_dirty_for_io → page_mkclean): PG_dirty stays clear and V1’s release_pages never sets it, so the file keeps the old used.idx unless a user write dirties the page again; once unpinned the page can be dropped clean.`,
      'A long-term GUP pin of file-backed memory must be tracked (FOLL_PIN, v5.6+) or its pages dirtied when released; writeback cannot see writes through a kernel alias.',
    );
  }
}
