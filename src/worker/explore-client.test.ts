import { describe, expect, it } from 'vitest';
import type { ExploreProgress } from '../core/explore/engine/machine';
import type { Scenario } from '../core/types';
import { builtinScenarios } from '../scenarios';
import { createMainThreadClient, createWorkerClient } from './client';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { createWorkerRouter } from './router';

const scenario = (id: string) => builtinScenarios.find((s) => s.id === id) as Scenario;

/** A stand-in Worker running the real worker's routing on this thread, with structured clones both ways. */
class LoopbackWorker {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror = null;
  onmessageerror = null;
  readonly requests: WorkerRequest[] = [];
  private readonly router = createWorkerRouter((response) => this.answer(response));
  postMessage(request: WorkerRequest) {
    this.requests.push(structuredClone(request));
    this.router.receive(structuredClone(request));
  }
  terminate() {
    this.router.cancelAll();
  }
  private answer(response: WorkerResponse) {
    const data = structuredClone(response);
    setTimeout(() => this.onmessage?.({ data } as MessageEvent<WorkerResponse>), 0);
  }
}

describe('exploring through a client', () => {
  it('main thread: streams progress and resolves with the findings', async () => {
    const progress: ExploreProgress[] = [];
    const client = createMainThreadClient();
    const run = client.explore({
      scenario: scenario('gup-munmap-uaf'),
      maxStates: 300_000,
      progressEvery: 40,
      onProgress: (p) => progress.push(p),
    });
    const result = await run.result;
    const safety = progress.filter((p) => p.phase === undefined).map((p) => p.states);
    const liveness = progress.filter((p) => p.phase === 'liveness').map((p) => p.states);
    for (const states of [safety, liveness]) {
      expect(states).toEqual([...states].sort((x, y) => x - y));
      expect(states).toEqual(expect.arrayContaining([40, 80, 120]));
    }
    expect(progress.findIndex((p) => p.phase === 'liveness')).toBe(safety.length);
    expect(result.liveness?.weakFairness.verdict).toBe('live');
    expect(result.findings.map((f) => f.kind)).toContain('use-after-free');
  });

  it('main thread: cancel ends the run with status cancelled', async () => {
    const client = createMainThreadClient();
    const run = client.explore({
      scenario: scenario('gup-munmap-seq-retry'),
      maxStates: 300_000,
      progressEvery: 200,
      onProgress: () => run.cancel(),
    });
    expect(await run.result).toMatchObject({ status: 'cancelled', complete: false });
  });

  it('worker: sends explore and cancel-explore messages and matches the answers by id', async () => {
    const worker = new LoopbackWorker();
    const client = createWorkerClient({ createWorker: () => worker as unknown as Worker });
    const complete = client.explore({ scenario: scenario('gup-munmap-uaf'), maxStates: 300_000, onProgress: () => {} });
    const progressSeen: number[] = [];
    const cancelled = client.explore({
      scenario: scenario('gup-munmap-seq-retry'),
      maxStates: 300_000,
      progressEvery: 200,
      onProgress: (p) => {
        progressSeen.push(p.states);
        // Progress already posted before the cancel arrived may still come in; cancel once.
        if (progressSeen.length === 1) cancelled.cancel();
      },
    });
    expect((await complete.result).states).toBe(146);
    expect((await cancelled.result).status).toBe('cancelled');
    expect(progressSeen.length).toBeGreaterThan(0);
    expect(worker.requests.map((r) => r.type)).toEqual(['hello', 'explore', 'explore', 'cancel-explore']);
  });

  it('worker: terminate rejects a running exploration', async () => {
    const client = createWorkerClient({ createWorker: () => new LoopbackWorker() as unknown as Worker });
    const run = client.explore({
      scenario: scenario('gup-munmap-seq-retry'),
      maxStates: 300_000,
      onProgress: () => {},
    });
    client.terminate();
    await expect(run.result).rejects.toThrow('The simulation was stopped.');
  });
});
