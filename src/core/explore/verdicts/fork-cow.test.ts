import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../../scenarios';
import { replay } from '../../index';
import { programsOf } from '../../programs/compile';
import { threadStatus } from '../../step';
import { cellScenario, exploreCell } from '../matrix/matrix';

const verdict = (design: string, bug: string | null = null) => {
  const cell = exploreCell(design as never, 'fork', bug as never);
  expect(cell.complete).toBe(true);
  return [...cell.hazards, ...cell.warnings].sort();
};

/** copy_page_range, then do_wp_page → wp_page_copy (mm/memory.c, v5.0; _only_end since 0f10851ea475, v4.15). */
describe('fork, then QEMU’s write fault (COW)', () => {
  const scenario = cellScenario('vmap-notifier', 'fork', null);
  const [, fork] = programsOf(scenario);
  const instrs = fork?.instrs ?? [];
  const at = (op: string, from = 0) => instrs.findIndex((i, k) => k >= from && i.op === op);

  it('brackets copy_page_range with start/end; wp_page_copy copies before its start, then _only_end (v5.0)', () => {
    const top = instrs.filter((i) => i.depth === 0).map((i) => `${i.op} ${i.fn}`);
    expect(top).toEqual([
      'mm-start mmu_notifier_invalidate_range_start',
      'fork-copy copy_page_range → copy_one_pte',
      'mm-end mmu_notifier_invalidate_range_end',
      'tlb-flush dup_mmap → flush_tlb_mm',
      'cow-fault handle_mm_fault → do_wp_page',
      'cow-copy wp_page_copy → alloc_page_vma + cow_user_page',
      'mm-start mmu_notifier_invalidate_range_start',
      'cow-clear wp_page_copy → ptep_clear_flush_notify',
      'cow-set wp_page_copy → set_pte_at_notify',
      'mm-end mmu_notifier_invalidate_range_only_end',
    ]);
  });

  it('calls ->invalidate_range between clearing the PTE and setting the new one, under the PT lock only', () => {
    const between = instrs.slice(at('cow-clear') + 1, at('cow-set'));
    expect(between.map((i) => i.op)).toEqual(['inv-mutex-lock', 'inv-vunmap', 'inv-mutex-unlock']);
    expect(between.every((i) => i.depth === 1 && i.ctx?.ptLock === true && i.ctx.pageLocked === false)).toBe(true);
    expect(instrs.slice(at('cow-set') + 1).every((i) => i.depth === 0)).toBe(true);
    expect(verdict('vmap-notifier')).toEqual(['deadlock', 'sleep-in-atomic']);
  });

  it('leaves the old page to the child and maps a private copy for QEMU', () => {
    const v1 = scenarioById('v1-fork-cow');
    if (!v1) throw new Error('missing scenario');
    const run = replay(v1, v1.story);
    const [first, last] = [run.states[0], run.states[run.states.length - 1]];
    if (!first || !last) throw new Error('no states');
    last.ptes.forEach((pte, gp) => {
      const old = first.ptes[gp]?.frame ?? -1;
      expect(pte).toMatchObject({ present: true, writable: true });
      expect(pte.frame).not.toBe(old);
      expect(last.frames[old]).toMatchObject({ owner: 'fork-child', mapcount: 1 });
    });
    const lost = run.events.flatMap((e) => e.findings).find((f) => f.kind === 'lost-write');
    expect(lost?.message).toContain('child');
  });

  it('makes a fault on the cleared PTE wait for the page-table lock', () => {
    const copyUser = cellScenario('copy-user', 'fork', null);
    const ops = programsOf(copyUser)[1]?.instrs.map((i) => i.op) ?? [];
    const run = replay(copyUser, [...Array(ops.indexOf('cow-clear') + 1).fill(1), 0]);
    const last = run.states[run.states.length - 1];
    if (!last) throw new Error('no state');
    expect(run.error).toBeUndefined();
    expect(last.ptes.every((p) => !p.present)).toBe(true);
    expect(threadStatus(last, 0)).toEqual({
      state: 'blocked',
      reason: 'faulted on a PTE wp_page_copy has cleared: waits for its page-table lock',
    });
  });

  it('keeps the correct designs safe, and the dropped checks lose a write into the copied page', () => {
    for (const design of ['copy-user', 'kmap-seq', 'interval-notifier'])
      expect(verdict(design)).not.toContain('lost-write');
    expect(verdict('vmap-pinned')).toEqual(['lost-write']);
    expect(verdict('kmap-seq', 'skip-seq-check')).toEqual(['lost-write']);
    expect(verdict('interval-notifier', 'skip-seq-check')).toEqual(['lost-write']);
  });

  it('copies before start, so a map published during fork loses the store that follows the copy (merged, no check)', () => {
    // copy_page_range's own start keeps the checked designs safe; without the bail-out the map outlives fork.
    expect(verdict('direct-map-rcu')).toEqual(['rcu-latency']);
    expect(verdict('direct-map-rcu', 'skip-seq-check')).toEqual(['lost-write', 'rcu-latency']);
  });
});
