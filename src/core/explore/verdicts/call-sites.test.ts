import { describe, expect, it } from 'vitest';
import { replay, validateScenario } from '../../index';
import { programsOf } from '../../programs/compile';
import { cellScenario, exploreCell } from '../matrix/matrix';
import { exploreScenario } from '../ringside/ringside';

const verdict = (design: string, event: string, bug: string | null = null) => {
  const cell = exploreCell(design as never, event as never, bug as never);
  expect(cell.complete).toBe(true);
  return [...cell.hazards, ...cell.warnings].sort();
};

/** Where each mm call site invokes the notifier, and in which context (mm/rmap.c, mm/memory.c, mm/ksm.c; v5.0–v5.3). */
describe('notifier call sites', () => {
  it('migration calls ->invalidate_range only from _end, never under the PT lock (0f10851ea475, v4.15+)', () => {
    const cell = exploreCell('vmap-notifier', 'migrate', null);
    const [, migrate] = programsOf(cellScenario('vmap-notifier', 'migrate', null));
    const callbacks = migrate?.instrs.filter((i) => i.depth > 0 && i.ctx) ?? [];
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((i) => i.ctx?.ptLock === false && i.ctx.blockable)).toBe(true);
    expect(cell.hazards).toEqual(['deadlock']);
  });

  it('_end calls ->invalidate_range too, so RFC V2 is still told of a migrated page', () => {
    expect(verdict('vmap-notifier', 'migrate', 'skip-set-page-dirty')).not.toContain('sleep-in-atomic');
    expect(verdict('vmap-notifier', 'migrate', 'skip-set-page-dirty')).not.toContain('lost-write');
  });

  it('munmap calls ->invalidate_range under the PT lock only when the gather batch fills (zap_pte_range, v5.0)', () => {
    expect(verdict('vmap-notifier', 'munmap')).toEqual([]);
    expect(verdict('vmap-notifier', 'munmap-batch-full')).toEqual(['sleep-in-atomic']);
    const [, full] = programsOf(cellScenario('vmap-notifier', 'munmap-batch-full', null));
    const [, common] = programsOf(cellScenario('vmap-notifier', 'munmap', null));
    const freeAt = (p: typeof full, op: string) => p?.instrs.findIndex((i) => i.op === op) ?? -1;
    expect(freeAt(full, 'free-batch')).toBeLessThan(freeAt(full, 'mm-end'));
    expect(freeAt(common, 'free-batch')).toBeGreaterThan(freeAt(common, 'mm-end'));
    expect(full?.instrs.some((i) => i.op === 'inv-mutex-lock' && i.ctx?.ptLock)).toBe(true);
    expect(common?.instrs.some((i) => i.ctx?.ptLock)).toBe(false);
  });
});

describe('KSM in the kernel’s order (mm/ksm.c: try_to_merge_one_page, write_protect_page, replace_page; v5.0)', () => {
  const scenario = {
    ...cellScenario('kmap-seq', 'ksm', null),
    mm: [{ kind: 'ksm' as const, target: 'used' as const }],
  };

  it('trylocks one page, then two start/end pairs: write_protect_page’s, then replace_page’s', () => {
    const ops = (programsOf(scenario)[1]?.instrs ?? []).filter((i) => i.depth === 0).map((i) => i.op);
    expect(ops).toEqual([
      'ksm-trylock',
      'mm-start',
      'ksm-wrprotect',
      'mm-end',
      'ksm-if-merge',
      'mm-start',
      'ksm-replace',
      'mm-end',
      'unlock-free',
      'reuse',
    ]);
  });

  it('write_protect_page restores the PTE and fails when gup_fast holds a reference, and KSM never waits for a page lock', () => {
    // vhost: round-begin, if-mapped, read-seq, gup (reference held); KSM: trylock, start + callback, write_protect_page.
    const run = replay(scenario, [0, 0, 0, 0, 1, 1, 1, 1]);
    expect(run.error).toBeUndefined();
    const last = run.states[run.states.length - 1];
    const ksm = last?.threads[1];
    expect(ksm?.locals.aborted).toBe(true);
    expect(last?.ptes.every((p) => p.present && p.writable)).toBe(true);
    const both = { ...scenario, mm: [{ kind: 'migrate' as const, target: 'used' as const }, ...scenario.mm] };
    const skipped = replay(both, [1, 2]);
    expect(skipped.error).toBeUndefined();
    expect(skipped.states[2]?.threads[2]?.done).toBe(true);
  });
});

describe('the merged start pays synchronize_rcu only for a live, overlapping map (7f466032dc9e vhost_invalidate_vq_start)', () => {
  const scenario = cellScenario('direct-map-rcu', 'munmap', null);
  const findingsOf = (schedule: number[]) => {
    const run = replay(scenario, schedule);
    expect(run.error).toBeUndefined();
    return run.events.flatMap((e) => e.findings);
  };

  it('reports no rcu-latency when no map is live', () => {
    // munmap runs to the end before vhost maps anything: start, blockable check, count, (no) synchronize_rcu, ...
    const mmFirst = findingsOf([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(mmFirst.map((f) => f.kind)).not.toContain('rcu-latency');
  });

  it('reports rcu-latency, in mst’s words, when start unpublished a live map', () => {
    const found = exploreScenario(scenario).findings.find((f) => f.kind === 'rcu-latency');
    expect(found?.message).toMatch(/very high latency/);
    expect(found?.message).not.toMatch(/unbounded/);
    const run = replay(scenario, found?.schedule ?? []);
    expect(run.states[run.states.length - 2]?.vhost.ptr.some((f) => f >= 0)).toBe(false);
    expect(run.states.some((s) => s.vhost.ptr.some((f) => f >= 0))).toBe(true);
  });
});

describe('VHOST_SET_VRING_ADDR unregisters and re-registers the notifier under vq->mutex (RFC V2 5/5, 7f466032dc9e)', () => {
  const variants = (design: 'direct-map-rcu' | 'vmap-notifier') => {
    const cell = cellScenario(design, 'set-vring-addr', null);
    return [cell, { ...cell, startRegion: 0 as const }].map((s) => exploreScenario(s).findings);
  };

  it('merged: an _end missed while unregistered leaves invalidate_count above zero; no use-after-free', () => {
    const found = variants('direct-map-rcu').flat();
    expect(found.map((f) => f.kind)).not.toContain('use-after-free');
    const stuck = found.find((f) => f.kind === 'invalidation-never-ends');
    expect(stuck?.message).toMatch(/count at 1/);
  });

  it('RFC V2: unregister waits in synchronize_srcu for a callback that waits for the vq->mutex the ioctl holds', () => {
    const deadlock = variants('vmap-notifier')
      .flat()
      .find((f) => f.kind === 'deadlock');
    expect(deadlock?.message).toMatch(/synchronize_srcu/);
    expect(deadlock?.message).toMatch(/vq->mutex, held by QEMU SET_VRING_ADDR/);
  });
});

describe('the kind of guest memory decides whether a missing set_page_dirty loses a write', () => {
  const reclaim = (memory: 'anonymous' | 'shmem' | 'file') => {
    const valid = validateScenario({ ...cellScenario('kmap-seq', 'reclaim', 'skip-set-page-dirty'), memory });
    if (!valid.ok) throw new Error(valid.errors.join(' '));
    return exploreScenario(valid.scenario).findings.map((f) => f.kind);
  };

  it('private anonymous memory: add_to_swap / reuse_swap_page keep the page dirty, nothing is lost', () => {
    expect(reclaim('anonymous')).not.toContain('lost-write');
  });

  it('shmem: a clean page written only through the direct map is dropped by reclaim', () => {
    expect(reclaim('shmem')).toContain('lost-write');
  });

  it('file: writeback’s page_mkclean cleans the page while a kernel alias that skipped the retry check writes on', () => {
    const valid = validateScenario({
      ...cellScenario('kmap-seq', 'writeback', 'skip-seq-check'),
      mm: [
        { kind: 'writeback', target: 'all' },
        { kind: 'reclaim', target: 'all' },
      ],
    });
    if (!valid.ok) throw new Error(valid.errors.join(' '));
    expect(exploreScenario(valid.scenario).findings.map((f) => f.kind)).toContain('lost-write');
    const [, wb] = programsOf(valid.scenario);
    const ops = wb?.instrs.filter((i) => i.depth === 0).map((i) => i.op);
    expect(ops).toEqual(['lock-page', 'wb-if-dirty', 'mm-start', 'mkclean', 'mm-end', 'writepage', 'unlock-page']);
    expect(wb?.instrs.filter((i) => i.ctx).every((i) => i.ctx?.pageLocked)).toBe(true);
  });

  it('old scenario files without `memory` are anonymous; KSM needs anonymous memory, writeback a file', () => {
    const { memory: _memory, ...old } = cellScenario('kmap-seq', 'munmap', null);
    const valid = validateScenario(old);
    expect(valid.ok && valid.scenario.memory).toBe('anonymous');
    const ksm = validateScenario({ ...cellScenario('kmap-seq', 'ksm', null), memory: 'shmem' });
    expect(ksm.ok ? [] : ksm.errors).toEqual(['mm[0].kind: ksm needs memory "anonymous", not "shmem".']);
    const wb = validateScenario({ ...cellScenario('kmap-seq', 'writeback', null), memory: 'anonymous' });
    expect(wb.ok ? [] : wb.errors).toEqual(['mm[0].kind: writeback needs memory "file", not "anonymous".']);
  });
});

describe('smaller points', () => {
  it('the interval tree makes its sequence odd only for a range that overlaps a subscription (mn_itree_inv_start_range)', () => {
    const away = cellScenario('interval-notifier', 'set-vring-addr', null);
    const started = replay(away, [1]);
    expect(started.error).toBeUndefined();
    expect(started.states[1]?.vhost.itreeSeq).toBe(2);
    const near = replay({ ...away, startRegion: 0 }, [1]);
    expect((near.states[1]?.vhost.itreeSeq ?? 0) % 2).toBe(1);
  });

  it('the OOM reaper skips hugetlb VMAs (can_madv_dontneed_vma), so the scenario is refused', () => {
    const hugetlb = validateScenario({ ...cellScenario('kmap-seq', 'oom-reap', null), backing: 'hugetlb-1g' });
    expect(hugetlb.ok).toBe(false);
  });

  it('a sleeping call in the OOM reaper’s non-blockable context is block-in-nonblock, not sleep-in-atomic', () => {
    expect(verdict('vmap-notifier', 'oom-reap')).toEqual(['block-in-nonblock']);
  });
});
