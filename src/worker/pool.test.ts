import { describe, expect, it, vi } from 'vitest';
import type { ExploreResult } from '../core/explore/engine/machine';
import type { SimClient } from './client';
import type { ExploreCall } from './explore-client';
import { createExplorePool, IN_FLIGHT_PER_WORKER, laneWithFallback, poolSize } from './pool';

const answer = (states: number) =>
  ({ status: 'complete', complete: true, states, findings: [] }) as unknown as ExploreResult;
const call = { scenario: {}, maxStates: 10, onProgress: () => {} } as unknown as ExploreCall;

function fakeClient(states: number, onMain = false) {
  const client = {
    runsOnMainThread: onMain,
    explore: vi.fn(() => ({ result: Promise.resolve(answer(states)), cancel: vi.fn() })),
    terminate: vi.fn(),
  };
  return client as typeof client & SimClient;
}

describe('poolSize', () => {
  it('is one worker per reported core, between 1 and 8', () => {
    expect([undefined, 0, 1, 2, 6, 64].map((cores) => poolSize(cores))).toEqual([1, 1, 1, 2, 6, 8]);
  });
});

describe('createExplorePool', () => {
  it('adds size - 1 workers to the app’s client and terminates only those on close', () => {
    const primary = fakeClient(1);
    const extra = [fakeClient(2), fakeClient(3)];
    const pool = createExplorePool(primary, { size: 3, create: () => extra.shift() as SimClient, canStart: true });
    // Each worker twice: two explorations in flight, so a worker never waits for the page between two of them.
    expect(pool.lanes).toHaveLength(3 * IN_FLIGHT_PER_WORKER);
    expect(pool.lanes.slice(0, IN_FLIGHT_PER_WORKER)).toEqual(Array(IN_FLIGHT_PER_WORKER).fill(primary));
    expect(new Set(pool.lanes).size).toBe(3);
    pool.close();
    expect(primary.terminate).not.toHaveBeenCalled();
  });

  it('adds no worker when the app’s client already runs on the main thread, or workers cannot start', () => {
    const create = vi.fn(() => fakeClient(2));
    expect(createExplorePool(fakeClient(1, true), { size: 4, create, canStart: true }).lanes).toHaveLength(1);
    expect(new Set(createExplorePool(fakeClient(1), { size: 4, create, canStart: false }).lanes).size).toBe(1);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('laneWithFallback', () => {
  it('explores in its own worker while it works', async () => {
    const lane = laneWithFallback(fakeClient(2), fakeClient(1));
    expect((await lane.explore(call).result).states).toBe(2);
  });

  it('runs a variant again on the app’s client when its worker failed mid-run, and goes there afterwards', async () => {
    const own = fakeClient(2);
    own.explore.mockImplementationOnce(() => {
      own.runsOnMainThread = true;
      return {
        result: Promise.reject(new Error('The exploration stopped because the worker failed')),
        cancel: vi.fn(),
      };
    });
    const fallback = fakeClient(1);
    const lane = laneWithFallback(own, fallback);
    expect((await lane.explore(call).result).states).toBe(1);
    expect((await lane.explore(call).result).states).toBe(1);
    expect(own.explore).toHaveBeenCalledOnce();
  });

  it('passes a genuine error on while its worker still works', async () => {
    const own = fakeClient(2);
    own.explore.mockImplementationOnce(() => ({ result: Promise.reject(new Error('bad scenario')), cancel: vi.fn() }));
    const fallback = fakeClient(1);
    await expect(laneWithFallback(own, fallback).explore(call).result).rejects.toThrow('bad scenario');
    expect(fallback.explore).not.toHaveBeenCalled();
  });
});
