import { describe, expect, it } from 'vitest';
import { enabledThreads as coreEnabled, locksOf as coreLocks, threadStatus as coreStatus, init } from '../core';
import type { State } from '../core/types';
import { builtinScenarios } from '../scenarios';
import { createMainThreadClient } from './client';
import { enabledThreads, locksOf, rememberStatuses, threadStatus } from './statuses';

describe('the thread statuses the page reads from the simulation', () => {
  it('equal the core’s for every state of every built-in story, blocked reasons and lock waiters included', async () => {
    const client = createMainThreadClient();
    let blocked = 0;
    for (const scenario of builtinScenarios) {
      const played = await client.replay(scenario, scenario.story);
      expect(played.states).toHaveLength(scenario.story.length + 1);
      for (const s of played.states) {
        for (let t = 0; t < s.threads.length; t++) expect(threadStatus(s, t)).toEqual(coreStatus(s, t));
        expect(enabledThreads(s)).toEqual(coreEnabled(s));
        expect(locksOf(s)).toEqual(coreLocks(s));
        if (s.threads.some((_, t) => threadStatus(s, t).state === 'blocked')) blocked += 1;
      }
    }
    expect(blocked).toBeGreaterThan(0);
  });

  it('follow what was reported, not a computation of their own', () => {
    const s = init(builtinScenarios[0] as State['scenario']);
    const reason = 'waits for vq->mutex, held by the test';
    rememberStatuses([s], [s.threads.map((_, t) => (t === 1 ? { state: 'blocked', reason } : { state: 'ready' }))]);
    expect(threadStatus(s, 1)).toEqual({ state: 'blocked', reason });
    expect(enabledThreads(s)).not.toContain(1);
    expect(locksOf(s).find((lock) => lock.id === 'vq-mutex')?.waiters).toEqual([1]);
  });

  it('read a state nobody reported as ready unless its thread is done (the step itself then refuses)', () => {
    const s = init(builtinScenarios[0] as State['scenario']);
    expect(threadStatus(s, 0)).toEqual({ state: 'ready' });
    const finished = { ...s, threads: s.threads.map((th) => ({ ...th, done: true })) };
    expect(enabledThreads(finished)).toEqual([]);
  });
});
