import { describe, expect, it, vi } from 'vitest';
import { init } from '../core';
import { fixtureScenario } from '../ui/test-fixtures';
import { createMainThreadClient, createWorkerClient, HANDSHAKE_MS } from './client';
import type { WorkerRequest } from './protocol';
import { createWorkerRouter } from './router';

/** A stand-in Worker that answers through the real worker's router asynchronously, or never, or fails. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  private readonly router = createWorkerRouter((data) =>
    queueMicrotask(() => this.onmessage?.({ data } as MessageEvent)),
  );
  constructor(private readonly mode: 'answer' | 'silent' | 'error') {}
  postMessage(request: WorkerRequest) {
    if (this.mode === 'answer') this.router.receive(request);
    if (this.mode === 'error')
      queueMicrotask(() => this.onerror?.({ message: 'load failed', preventDefault() {} } as ErrorEvent));
  }
  terminate() {
    this.terminated = true;
  }
}

const asWorker = (fake: FakeWorker) => fake as unknown as Worker;

describe('main-thread client', () => {
  it('steps and replays through handle()', async () => {
    const client = createMainThreadClient();
    expect(client.runsOnMainThread).toBe(true);
    const played = await client.replay(fixtureScenario, [0]);
    expect(played.states).toHaveLength(2);
    const stepped = await client.step(init(fixtureScenario), 0);
    expect(stepped.events[0]?.thread).toBe(0);
  });

  it('rejects with the core’s message when a step is refused', async () => {
    const client = createMainThreadClient();
    await expect(client.step(init(fixtureScenario), 9)).rejects.toThrow(/.+/);
  });
});

describe('worker client', () => {
  it('routes requests through the worker and matches answers by id', async () => {
    const fake = new FakeWorker('answer');
    const client = createWorkerClient({ createWorker: () => asWorker(fake) });
    const [a, b] = await Promise.all([client.replay(fixtureScenario, [0]), client.replay(fixtureScenario, [0, 1])]);
    expect(a.states).toHaveLength(2);
    expect(b.states).toHaveLength(3);
    expect(client.runsOnMainThread).toBe(false);
    client.terminate();
    expect(fake.terminated).toBe(true);
  });

  it('falls back to the main thread when the worker cannot be created', async () => {
    const onFallback = vi.fn();
    const client = createWorkerClient({
      onFallback,
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
    });
    expect(onFallback).toHaveBeenCalledWith('Worker is not defined');
    expect(client.runsOnMainThread).toBe(true);
    expect((await client.replay(fixtureScenario, [0])).states).toHaveLength(2);
  });

  it('falls back and re-runs pending requests when the worker errors', async () => {
    const onFallback = vi.fn();
    const fake = new FakeWorker('error');
    const client = createWorkerClient({ onFallback, createWorker: () => asWorker(fake) });
    const result = await client.replay(fixtureScenario, [0, 1]);
    expect(result.states).toHaveLength(3);
    expect(onFallback).toHaveBeenCalledWith('load failed');
    expect(fake.terminated).toBe(true);
  });

  it('falls back when the worker does not answer in time', async () => {
    const onFallback = vi.fn();
    const client = createWorkerClient({
      onFallback,
      timeoutMs: 10,
      createWorker: () => asWorker(new FakeWorker('silent')),
    });
    const result = await client.replay(fixtureScenario, [0]);
    expect(result.states).toHaveLength(2);
    expect(onFallback).toHaveBeenCalledWith('the worker did not answer');
  });

  it('moves to the main thread within a second when a new worker stays silent', () => {
    vi.useFakeTimers();
    try {
      const onFallback = vi.fn();
      const silent = new FakeWorker('silent');
      const client = createWorkerClient({ onFallback, createWorker: () => asWorker(silent) });
      vi.advanceTimersByTime(HANDSHAKE_MS - 1);
      expect(onFallback).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(HANDSHAKE_MS).toBeLessThanOrEqual(1000);
      expect(onFallback).toHaveBeenCalledWith(`the worker did not answer within ${HANDSHAKE_MS} ms`);
      expect(client.runsOnMainThread).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes back to a worker that answers the handshake late, as a slow machine can', async () => {
    const onRecover = vi.fn();
    const late = new FakeWorker('silent');
    const client = createWorkerClient({ onRecover, handshakeMs: 10, createWorker: () => asWorker(late) });
    expect((await client.replay(fixtureScenario, [0])).states).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.runsOnMainThread).toBe(true);
    late.onmessage?.({ data: { type: 'ready' } } as MessageEvent);
    expect(onRecover).toHaveBeenCalledOnce();
    expect(client.runsOnMainThread).toBe(false);
    client.terminate();
    expect(late.terminated).toBe(true);
  });

  it('stays on a worker that answers the handshake', async () => {
    const onFallback = vi.fn();
    const client = createWorkerClient({
      onFallback,
      handshakeMs: 50,
      createWorker: () => asWorker(new FakeWorker('answer')),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onFallback).not.toHaveBeenCalled();
    expect(client.runsOnMainThread).toBe(false);
    client.terminate();
  });

  it('rejects pending requests when terminated', async () => {
    const client = createWorkerClient({ createWorker: () => asWorker(new FakeWorker('silent')) });
    const pending = client.replay(fixtureScenario, [0]);
    client.terminate();
    await expect(pending).rejects.toThrow('The simulation was stopped.');
  });
});
