import { describe, expect, it } from 'vitest';
import type { Scenario } from '../core/types';
import { builtinScenarios } from '../scenarios';
import { createExploreHost, runExploration } from './explore-runner';
import type { ExploreResponse } from './protocol';

const scenario = (id: string) => builtinScenarios.find((s) => s.id === id) as Scenario;
const immediate = () => Promise.resolve();

/** Collects a host's responses and resolves once the result (or error) for `id` arrives. */
function recordingHost(pause = immediate) {
  const responses: ExploreResponse[] = [];
  let finished: (response: ExploreResponse) => void = () => {};
  const done = new Promise<ExploreResponse>((resolve) => {
    finished = resolve;
  });
  const host = createExploreHost((response) => {
    responses.push(structuredClone(response));
    if (response.type !== 'explore-progress') finished(response);
  }, pause);
  return { host, responses, done };
}

describe('runExploration', () => {
  it('finds the documented use-after-free of gup-munmap-uaf on its shortest schedule', async () => {
    const result = await runExploration(scenario('gup-munmap-uaf'), {
      maxStates: 300_000,
      signal: { aborted: false },
      onProgress: () => {},
      pause: immediate,
    });
    expect(result.status).toBe('complete');
    expect(result.states).toBe(146);
    const uaf = result.findings.find((f) => f.kind === 'use-after-free');
    expect(uaf).toMatchObject({ severity: 'hazard', step: 13, schedule: [0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0] });
  });

  it('reports progress between slices and pauses after each slice', async () => {
    const progress: number[] = [];
    const livenessProgress: number[] = [];
    let pauses = 0;
    const result = await runExploration(scenario('gup-munmap-seq-retry'), {
      maxStates: 300_000,
      progressEvery: 60,
      signal: { aborted: false },
      onProgress: (p) => {
        if (p.phase === undefined) progress.push(p.states);
        else livenessProgress.push(p.states);
      },
      pause: async () => {
        pauses++;
      },
    });
    expect(progress.length).toBeGreaterThanOrEqual(8);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(livenessProgress.length).toBeGreaterThanOrEqual(8);
    expect(livenessProgress).toEqual([...livenessProgress].sort((a, b) => a - b));
    expect(pauses).toBeGreaterThanOrEqual(progress.length + livenessProgress.length);
    expect(result).toMatchObject({ status: 'complete', findings: [] });
    expect(result.liveness).toMatchObject({
      complete: true,
      noFairness: { verdict: 'violated' },
      weakFairness: { verdict: 'live' },
    });
  });

  it('stops at the state bound and says the result is incomplete', async () => {
    const result = await runExploration(scenario('gup-munmap-seq-retry'), {
      maxStates: 300,
      signal: { aborted: false },
      onProgress: () => {},
      pause: immediate,
    });
    expect(result.status).toBe('bound');
    expect(result.complete).toBe(false);
    expect(result.message).toMatch(/^incomplete after 300 states/);
  });
});

describe('explore host (the worker side of the protocol)', () => {
  it('streams progress messages with the request id, then one result', async () => {
    const { host, responses, done } = recordingHost();
    host.receive({
      id: 4,
      type: 'explore',
      scenario: scenario('gup-munmap-seq-retry'),
      maxStates: 300_000,
      progressEvery: 250,
    });
    const last = await done;
    const progress = responses.filter((r) => r.type === 'explore-progress');
    const states = progress.map((r) => (r.type === 'explore-progress' ? r.progress.states : -1));
    const phases = progress.map((r) => (r.type === 'explore-progress' ? r.progress.phase : 'none'));
    expect(states).toEqual(expect.arrayContaining([250, 500]));
    expect(phases.indexOf('liveness')).toBeGreaterThan(0);
    expect(phases.slice(phases.indexOf('liveness')).every((phase) => phase === 'liveness')).toBe(true);
    expect(progress.every((r) => r.id === 4)).toBe(true);
    expect(last).toMatchObject({ id: 4, type: 'explore-result', result: { status: 'complete', states: 580 } });
  });

  it('keeps a small run’s visited table small, whatever its bound (a worker takes no time slices)', async () => {
    const { host, done } = recordingHost();
    host.receive({ id: 5, type: 'explore', scenario: scenario('gup-munmap-uaf'), maxStates: 100_000 });
    const last = await done;
    if (last.type !== 'explore-result') throw new Error(`expected a result, got ${last.type}`);
    // 146 states: a table sized for the 100,000-state bound would hold 2 MB before the first state.
    expect(last.result).toMatchObject({ status: 'complete', states: 146 });
    expect(last.result.storeBytes).toBeLessThan(256 * 1024);
  });

  it('stops a run when a cancel message arrives between slices', async () => {
    const { host, responses, done } = recordingHost(async () => {
      if (responses.some((r) => r.type === 'explore-progress')) host.receive({ id: 9, type: 'cancel-explore' });
    });
    host.receive({
      id: 9,
      type: 'explore',
      scenario: scenario('gup-munmap-seq-retry'),
      maxStates: 300_000,
      progressEvery: 200,
    });
    const last = await done;
    if (last.type !== 'explore-result') throw new Error('expected a result');
    expect(last.result.status).toBe('cancelled');
    expect(last.result.states).toBeLessThan(1788);
    expect(responses.filter((r) => r.type === 'explore-progress')).toHaveLength(1);
  });

  it('answers a scenario the core cannot run with an error message instead of throwing', async () => {
    const { host, done } = recordingHost();
    const broken = { ...scenario('gup-munmap-uaf'), design: 'nope' } as unknown as Scenario;
    host.receive({ id: 2, type: 'explore', scenario: broken, maxStates: 10 });
    expect(await done).toMatchObject({ id: 2, type: 'explore-error', message: expect.stringMatching(/.+/) });
  });
});
