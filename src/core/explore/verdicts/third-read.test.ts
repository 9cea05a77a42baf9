import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../../scenarios';
import { replay, threadStatus } from '../../index';
import { programsOf } from '../../programs/compile';
import type { Backing, DesignId, MemoryKind, MmThreadSpec, Scenario } from '../../types';
import { cellScenario, exploreCell } from '../matrix/matrix';
import { exploreScenario } from '../ringside/ringside';

/** A matrix cell's scenario with another backing, memory or set of mm threads. */
function variant(design: DesignId, mm: MmThreadSpec[], extra: Partial<Scenario> = {}): Scenario {
  return { ...cellScenario(design, mm[0]?.kind ?? 'munmap', null), mm, ...extra };
}

const kinds = (scenario: Scenario) => {
  const result = exploreScenario(scenario);
  expect(result.complete).toBe(true);
  return [...new Set(result.findings.map((f) => f.kind))].sort();
};

/** Issue 17, items 2, 3 and 5 and the question, checked against v5.0 / v5.2 sources and 7f466032dc9e. */
describe('a full gather batch on huge pages (zap_huge_pmd, __unmap_hugepage_range; v5.0)', () => {
  it.each<[Backing, boolean]>([
    ['4k', true],
    ['thp', false],
    ['hugetlb-1g', false],
  ])('%s: ->invalidate_range under the PT lock: %s', (backing, ptLock) => {
    const scenario = variant('vmap-notifier', [{ kind: 'munmap-batch-full', target: 'all' }], { backing });
    const callbacks = programsOf(scenario)[1]?.instrs.filter((i) => i.op === 'inv-mutex-lock') ?? [];
    expect(callbacks.some((i) => i.ctx?.ptLock === true)).toBe(ptLock);
    expect(kinds(scenario).includes('sleep-in-atomic')).toBe(ptLock);
  });
});

describe('a register that fails with -EINTR, and the double mmdrop at exit (syzbot "WARNING in __mmdrop")', () => {
  const both: MmThreadSpec[] = [
    { kind: 'set-vring-addr', target: 'all' },
    { kind: 'exit', target: 'all' },
  ];

  it('finds the unbalanced mmdrop in the designs whose ioctl ignores the register result, and only there', () => {
    for (const design of ['direct-map-rcu', 'vmap-notifier'] as const)
      expect(kinds(variant(design, both, { rounds: 1 }))).toContain('mm-refcount-underflow');
    for (const design of ['copy-user', 'kmap-seq', 'interval-notifier', 'interval-mutex'] as const)
      expect(kinds(variant(design, both, { rounds: 1 }))).not.toContain('mm-refcount-underflow');
  });

  it('tells it in a built-in story: the register fails after SIGKILL, the cleanup unregisters anyway', () => {
    const story = scenarioById('merged-mmdrop-exit');
    if (!story) throw new Error('missing scenario');
    const run = replay(story, story.story);
    expect(run.error).toBeUndefined();
    const register = run.events.find((e) => e.instr.op === 'notifier-register');
    expect(register?.detail).toContain('-EINTR');
    const drop = run.events.find((e) => e.findings.some((f) => f.kind === 'mm-refcount-underflow'));
    expect(drop?.instr.op).toBe('exit-teardown');
    expect(run.states[run.states.length - 1]?.vhost.registered).toBe(false);
  });

  it('lets vhost_net_release wait for the ioctl in flight (the last fput)', () => {
    const scenario = variant('direct-map-rcu', both, { rounds: 1 });
    const run = replay(scenario, [1, 2, 0]);
    const state = run.states[run.states.length - 1];
    if (!state) throw new Error('no state');
    const exitPc = state.threads[2]?.pc ?? 0;
    expect(programsOf(scenario)[2]?.instrs[exitPc]?.op).toBe('exit-stop-worker');
    expect(threadStatus(state, 2).state).toBe('blocked');
  });
});

describe('V1 (vmap-pinned, Dec 2018): vunmap + release_pages, no set_page_dirty', () => {
  it('releases the pin without dirtying, so reclaim of shmem drops the used.idx written through the alias', () => {
    const scenario = variant('vmap-pinned', [{ kind: 'reclaim', target: 'used' }], { memory: 'shmem' });
    expect(programsOf(scenario)[0]?.instrs.some((i) => i.op === 'unpin' && !/set_page_dirty\(/.test(i.code))).toBe(
      true,
    );
    expect(kinds(scenario)).toContain('lost-write');
  });

  it('keeps a pinned page from pageout: is_page_cache_freeable fails while the pin is held', () => {
    const scenario = variant('vmap-pinned', [{ kind: 'reclaim', target: 'used' }], {
      memory: 'anonymous' as MemoryKind,
    });
    expect(kinds(scenario)).not.toContain('lost-write');
  });

  it('warns when it writes through the pin into a file page writeback cleaned (the FOLL_PIN problem)', () => {
    const cell = exploreCell('vmap-pinned', 'writeback', null);
    expect(cell.hazards).toEqual([]);
    expect(cell.warnings).toEqual(['pin-write-after-writeback']);
  });
});

describe('smaller points of the third read', () => {
  it('v5.5: mmu_interval_notifier_remove waits for an invalidation in progress before the ring moves', () => {
    const scenario = variant('interval-notifier', [
      { kind: 'munmap', target: 'all' },
      { kind: 'set-vring-addr', target: 'all' },
    ]);
    const run = replay(scenario, [1, 2]);
    const state = run.states[run.states.length - 1];
    if (!state) throw new Error('no state');
    expect(threadStatus(state, 2)).toEqual({
      state: 'blocked',
      reason: 'mmu_interval_notifier_remove waits for the invalidation in progress to end',
    });
  });

  it('reclaim with no mapped page does nothing: no notifier call, no unlock of a page it never locked', () => {
    const scenario = variant('interval-notifier', [
      { kind: 'munmap', target: 'all' },
      { kind: 'reclaim', target: 'used' },
    ]);
    const munmapSteps = programsOf(scenario)[1]?.instrs.length ?? 0;
    const run = replay(scenario, [...Array(munmapSteps).fill(1), 2]);
    expect(run.error).toBeUndefined();
    expect(run.states[run.states.length - 1]?.threads[2]?.done).toBe(true);
  });

  it('a read fault after MADV_DONTNEED maps the zero page read-only; a write maps a new page writable and dirty', () => {
    const scenario = variant('copy-user', [{ kind: 'munmap', target: 'all' }], { rounds: 1 });
    const munmapSteps = programsOf(scenario)[1]?.instrs.length ?? 0;
    const run = replay(scenario, [...Array(munmapSteps).fill(1), 0, 0, 0, 0]);
    const state = run.states[run.states.length - 1];
    if (!state) throw new Error('no state');
    const read = run.events.find((e) => e.detail.includes('zero page'));
    expect(read).toBeDefined();
    const [desc, used] = state.ptes;
    expect(desc).toMatchObject({ present: true, writable: false, dirty: false });
    expect(used).toMatchObject({ present: true, writable: true, dirty: true });
  });

  it('the merged design clears vq->maps[]: userringpage is named only beside that field', () => {
    const story = scenarioById('merged-rcu-revert');
    if (!story) throw new Error('missing scenario');
    const text = replay(story, story.story)
      .events.map((e) => e.detail)
      .join(' ');
    // The thread's name for the pointer is kept (issue 18), always with the merged design's own field beside it.
    expect(text.match(/userringpage(?! \(vq->maps\[\]\))/g)).toBeNull();
    expect(text).toContain('userringpage (vq->maps[]) set to NULL');
  });

  it('names what v5.2 and RFC V2 called: no vhost_dev_flush, RFC V2 moves the ring in vhost_vring_ioctl', () => {
    const exit = programsOf(cellScenario('direct-map-rcu', 'exit', null))[1]?.instrs ?? [];
    expect(exit.map((i) => i.code).join(' ')).not.toContain('vhost_dev_flush');
    const move = programsOf(cellScenario('vmap-notifier', 'set-vring-addr', null)).flatMap((p) => p.instrs);
    expect(move.find((i) => i.op === 'set-addr')?.code).toContain('vhost_uninit_vq_vmaps');
    expect(move.find((i) => i.op === 'set-addr')?.fn).toBe('vhost_vring_ioctl');
  });

  it('reclaim batches its flush (TTU_BATCH_FLUSH) and KSM shows write_protect_page’s guard', () => {
    const reclaim = programsOf(cellScenario('kmap-seq', 'reclaim', null))[1]?.instrs ?? [];
    expect(reclaim.find((i) => i.op === 'unmap-swap')?.code).not.toContain('ptep_clear_flush');
    const ksm = programsOf(cellScenario('kmap-seq', 'ksm', null))[1]?.instrs ?? [];
    expect(ksm.find((i) => i.op === 'ksm-wrprotect')?.code).toMatch(
      /^if \(pte_write\(\*pte\) \|\| pte_dirty\(\*pte\)\)/,
    );
  });
});
