import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../../scenarios';
import { replay, threadStatus } from '../../index';
import { cellScenario, exploreCell } from '../matrix/matrix';

const dirtyLockUnderMunmap = (design: 'interval-notifier' | 'interval-mutex') => {
  const cell = exploreCell(design, 'munmap', 'dirty-lock-in-notifier');
  expect(cell.complete).toBe(true);
  return [...cell.hazards, ...cell.warnings].sort();
};

/** Jason Gunthorpe's blocking lock in the v5.5 interval notifier (nouveau_svm_range_invalidate; mn_itree_invalidate). */
describe('interval-mutex: a mutex the callback sleeps on, and only trylocks when it may not block', () => {
  const story = scenarioById('interval-mutex-oom-skip');
  if (!story) throw new Error('missing built-in interval-mutex-oom-skip');
  const run = replay(story, story.story);

  it('reclaim’s blockable callback sleeps in mutex_lock while the worker holds the mutex', () => {
    const afterStart = run.states[8];
    if (!afterStart) throw new Error('story too short');
    expect(afterStart.vhost.mmuLock).toBe(0);
    expect(threadStatus(afterStart, 1)).toMatchObject({
      state: 'blocked',
      reason: expect.stringMatching(/mutex_lock/),
    });
    expect(afterStart.findings).toEqual([]);
  });

  it('the OOM reaper’s trylock fails: the callback returns false, the tree’s invalidation ends, the reaper skips', () => {
    const skip = run.events.findIndex((e) => e.findings.some((f) => f.kind === 'oom-reaper-skipped'));
    const refused = run.events[skip - 1];
    expect(refused?.instr.op).toBe('imutex-invalidate');
    expect(refused?.detail).toMatch(/mutex_trylock failed/);
    const before = run.states[skip - 1];
    const after = run.states[skip];
    expect(after?.vhost.itreeActive).toBe((before?.vhost.itreeActive ?? 0) - 1);
    const reaper = run.events.filter((e) => e.thread === 2).map((e) => e.instr.op);
    expect(reaper).not.toContain('mm-end');
  });

  it('with no other invalidation running, a refused one leaves the sequence even, so the worker never waits on it', () => {
    const scenario = cellScenario('interval-mutex', 'oom-reap', null);
    const shortest = [0, 0, 0, 0, 0, 0, 1, 1, 1];
    const r = replay(scenario, shortest);
    const last = r.states.at(-1);
    expect(r.error).toBeUndefined();
    expect(r.events.at(-1)?.findings.map((f) => f.kind)).toEqual(['oom-reaper-skipped']);
    expect(last?.vhost.itreeActive).toBe(0);
    expect((last?.vhost.itreeSeq ?? 1) % 2).toBe(0);
  });

  it('sleeping under the mutex is legal; under the spinlock it is not', () => {
    expect(dirtyLockUnderMunmap('interval-mutex')).toEqual([]);
    expect(dirtyLockUnderMunmap('interval-notifier')).toEqual(['sleep-in-atomic']);
  });

  it('taking the mutex in the OOM reaper’s non-blockable range is block-in-nonblock, and only with the switch', () => {
    expect(exploreCell('interval-mutex', 'oom-reap', 'mutex-in-nonblock').hazards).toEqual(['block-in-nonblock']);
    expect(exploreCell('interval-mutex', 'oom-reap', null).hazards).toEqual([]);
  });
});
