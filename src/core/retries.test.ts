import { describe, expect, it } from 'vitest';
import { scenarioById } from '../scenarios';
import { replay } from './step';

function storyOf(id: string) {
  const scenario = scenarioById(id);
  if (!scenario) throw new Error(`missing scenario ${id}`);
  return replay(scenario, scenario.story);
}

describe('the retry counter', () => {
  it.each([
    ['gup-munmap-seq-retry', 'Retry: an invalidation raced'],
    ['interval-notifier-safe', 'Retry: mmu_interval_read_retry finds the subscription'],
  ])('%s: counts the one failed check of its story, on that step and in the run', (id, detail) => {
    const run = storyOf(id);
    const retried = run.events.filter((e) => e.cost.retries > 0);
    expect(retried).toHaveLength(1);
    expect(retried[0]?.instr.op).toBe('check-publish');
    expect(retried[0]?.detail).toContain(detail);
    expect(run.states.at(-1)?.counters.retries).toBe(1);
  });

  it('counts direct-map-rcu’s invalidate_count bail-out as a retry', () => {
    const scenario = scenarioById('merged-rcu-revert');
    if (!scenario) throw new Error('missing scenario');
    const withCount = {
      ...scenario,
      startRegion: 0 as const,
      mm: [{ kind: 'munmap' as const, target: 'all' as const }],
      story: [],
    };
    // munmap's start raises invalidate_count, then vhost's prefetch finds it and bails out to copy_*_user.
    const run = replay(withCount, [1, 1, 1, 0, 0, 0]);
    expect(run.error).toBeUndefined();
    const bail = run.events.find((e) => e.instr.op === 'rcu-prefetch');
    expect(bail?.cost.retries).toBe(1);
    expect(bail?.detail).toContain('invalidate_count is 1');
  });

  it('a run without an invalidation never retries', () => {
    const run = storyOf('copy-user-baseline');
    expect(run.states.at(-1)?.counters.retries).toBe(0);
  });
});

describe('the sleep counter: a sleeping thread woken', () => {
  it('kmap-seq retries instead of sleeping; the interval notifier’s worker sleeps in mmu_interval_read_begin', () => {
    expect(storyOf('gup-munmap-seq-retry').states.at(-1)?.counters.sleeps).toBe(0);
    const interval = storyOf('interval-notifier-safe');
    const woken = interval.events.filter((e) => e.cost.sleeps > 0);
    expect(woken.length).toBeGreaterThan(0);
    expect(woken.every((e) => e.instr.op === 'mm-end')).toBe(true);
    expect(woken.every((e) => /waiters woken/.test(e.detail))).toBe(true);
  });

  it('interval-mutex: each worker unlock that wakes reclaim from mutex_lock counts one sleep', () => {
    const run = storyOf('interval-mutex-oom-skip');
    const woken = run.events.filter((e) => e.cost.sleeps > 0);
    expect(woken.map((e) => e.instr.op)).toEqual(['worker-unlock', 'worker-unlock']);
    run.events.forEach((e, i) => {
      if (e.cost.sleeps === 0) return;
      const before = run.states[i];
      if (!before) throw new Error('missing state');
      expect(before.vhost.mmuLock).toBe(0);
      expect(run.events.slice(i + 1).some((later) => later.thread === 1)).toBe(true);
    });
    expect(run.states.at(-1)?.counters.sleeps).toBe(2);
  });
});
