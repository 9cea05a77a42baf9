import type { OpCtx, StepReporting } from './context';
import { userTlbKey } from './pagetable';
import type { PageSize, State, TlbEntry, TlbKind } from './types';

export const VHOST_CPU = 0;
export const MM_CPU = 1;

export function findTlb(s: State, cpu: number, kind: TlbKind, key: number): TlbEntry | undefined {
  return s.tlbs[cpu]?.find((e) => e.kind === kind && e.key === key);
}

/** Caches a translation after a page walk and counts the miss by page size. */
export function fillTlb(ctx: OpCtx, cpu: number, entry: TlbEntry): void {
  ctx.s.tlbs[cpu]?.push(entry);
  countMiss(ctx, entry.size);
}

/** Counts a TLB miss by page size. */
export function countMiss(ctx: StepReporting, size: PageSize): void {
  if (size === '4K') ctx.cost.tlbMiss4K += 1;
  else if (size === '2M') ctx.cost.tlbMiss2M += 1;
  else ctx.cost.tlbMiss1G += 1;
}

/** flush_tlb_range on QEMU's mm: drops the ring pages' user entries on every CPU (an IPI to the vhost CPU). */
export function flushUserTlb(ctx: OpCtx, gps: readonly number[]): void {
  const keys = new Set(gps.map((gp) => userTlbKey(ctx.s, gp)));
  for (const gp of gps) keys.add(gp);
  ctx.s.tlbs = ctx.s.tlbs.map((tlb) => tlb.filter((e) => e.kind !== 'user' || !keys.has(e.key)));
  ctx.cost.tlbFlushes += 1;
  ctx.cost.ipis += 1;
}

/** True when a cached entry no longer matches the page table (or vmalloc PTE) behind it. */
export function isStaleTlb(s: State, _cpu: number, entry: TlbEntry): boolean {
  if (entry.kind === 'direct') return false;
  if (entry.kind === 'vmalloc') {
    const slot = Math.floor(entry.key / 64);
    const page = entry.key % 64;
    return !s.vmalloc.some((v) => v.slot === slot && v.page === page && v.frame === entry.frame);
  }
  const pte = s.ptes[entry.key];
  return !pte?.present || pte.frame !== entry.frame;
}
