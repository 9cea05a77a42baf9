import { describe, expect, it, vi } from 'vitest';
import { init } from '../core';
import { fixtureScenario } from '../ui/test-fixtures';
import { createWorkerClient } from './client';
import { handle } from './handle';
import type { WorkerRequest } from './protocol';
import { checkReply, MAX_SHOWN_WORKER_MESSAGE, MAX_WORKER_MESSAGE } from './reply-check';

const start = init(fixtureScenario);
const replayed = handle({ id: 1, type: 'replay', scenario: fixtureScenario, schedule: [0, 0] });
const huge = 'x'.repeat(100_000);

describe('checkReply', () => {
  it('passes what the real worker answers, unchanged', () => {
    expect(checkReply(replayed, start)).toEqual({ ok: true, reply: replayed });
    expect(checkReply({ type: 'ready' })).toEqual({ ok: true, reply: { type: 'ready' } });
  });

  const malformed: [string, unknown][] = [
    ['null', null],
    ['a number', 7],
    ['no type', { id: 1 }],
    ['no id', { type: 'result', states: [start], events: [] }],
    ['a result without states', { id: 1, type: 'result', events: [] }],
    ['states that are not a list', { id: 1, type: 'result', states: 'many', events: [] }],
    ['a state missing a field', { id: 1, type: 'result', states: [{ ...start, threads: undefined }], events: [] }],
    ['a state field of the wrong kind', { id: 1, type: 'result', states: [{ ...start, frames: {} }], events: [] }],
    ['more events than states', { id: 1, type: 'result', states: [start], events: [{}, {}] }],
    ['a result without thread statuses', { ...replayed, statuses: undefined }],
    ['fewer status lists than states', { ...replayed, statuses: [[]] }],
    [
      'a status of an unknown kind',
      {
        ...replayed,
        statuses:
          replayed.type === 'result' ? replayed.statuses.map((list) => list.map(() => ({ state: 'asleep' }))) : [],
      },
    ],
    [
      'a blocked status without its reason',
      {
        ...replayed,
        statuses:
          replayed.type === 'result' ? replayed.statuses.map((list) => list.map(() => ({ state: 'blocked' }))) : [],
      },
    ],
    ['an error without its message', { id: 1, type: 'error' }],
    ['progress with a text count', { id: 1, type: 'explore-progress', progress: { states: '5' } }],
    ['an explore result without findings', { id: 1, type: 'explore-result', result: { status: 'complete' } }],
    ['an unknown type', { id: 1, type: `\u001b[2J${huge}` }],
  ];
  it.each(malformed)('refuses %s with a short reason', (_what, data) => {
    const checked = checkReply(data, start);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.reason.length).toBeLessThan(120);
      expect(checked.reason).not.toMatch(/\p{Cc}/u);
    }
  });

  it('refuses a 100,000-character message as oversized', () => {
    expect(checkReply({ id: 3, type: 'error', message: huge })).toEqual({
      ok: false,
      reason: 'an error reply with an oversized message (100000 characters)',
    });
  });

  it('escapes a message and cuts it to what the page shows', () => {
    const long = `\u001b[31m${'x'.repeat(MAX_WORKER_MESSAGE - 10)}`;
    const checked = checkReply({ id: 3, type: 'error', message: long });
    expect(checked.ok).toBe(true);
    if (checked.ok && checked.reply.type === 'error') {
      expect(checked.reply.message.length).toBeLessThanOrEqual(MAX_SHOWN_WORKER_MESSAGE + 30);
      expect(checked.reply.message).toMatch(/^\\u001b\[31mx+… \(4091 characters\)$/);
    }
  });
});

/** A worker that answers the handshake, then answers every request with `reply`. */
class ScriptedWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(private readonly reply: (request: WorkerRequest) => unknown) {}
  postMessage(request: WorkerRequest) {
    const data = request.type === 'hello' ? { type: 'ready' } : this.reply(request);
    queueMicrotask(() => this.onmessage?.({ data } as MessageEvent));
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the worker client with a malformed reply', () => {
  const replies: [string, (request: WorkerRequest) => unknown][] = [
    ['null', () => null],
    ['a result without states', (r) => ({ id: 'id' in r ? r.id : 0, type: 'result', events: [] })],
    ['a message of the wrong type', (r) => ({ id: 'id' in r ? r.id : 0, type: 'error', message: [huge] })],
    ['a 100,000-character message', (r) => ({ id: 'id' in r ? r.id : 0, type: 'error', message: huge })],
  ];
  it.each(replies)('falls back to the main thread on %s, and the request still answers', async (_what, reply) => {
    const onFallback = vi.fn();
    const worker = new ScriptedWorker(reply);
    const client = createWorkerClient({ createWorker: () => worker as unknown as Worker, onFallback });
    const played = await client.replay(fixtureScenario, [0, 0]);
    expect(played.states).toHaveLength(3);
    expect(onFallback).toHaveBeenCalledOnce();
    expect(onFallback.mock.calls[0]?.[0]).toMatch(/^the worker sent a malformed reply \(/);
    expect(worker.terminated).toBe(true);
    expect(client.runsOnMainThread).toBe(true);
  });
});
