import { describe, expect, it } from 'vitest';
import { countersMachine } from './counters-machine.test-util';
import { explore, exploreSteps } from './engine';

describe('explore (generic engine on a counters machine)', () => {
  it('visits every state exactly once and counts every transition', () => {
    const r = explore(countersMachine([3, 2, 2]));
    expect(r.status).toBe('complete');
    expect(r.complete).toBe(true);
    expect(r.states).toBe(4 * 3 * 3);
    // Each state has one outgoing transition per counter below its limit: 3*3*3 + 4*2*3 + 4*3*2.
    expect(r.transitions).toBe(27 + 24 + 24);
    expect(r.depth).toBe(7);
    expect(r.errors).toEqual([]);
  });

  it('reports each finding kind once, with a shortest schedule and the index of the step that caused it', () => {
    const r = explore(countersMachine([3, 2]));
    const meet = r.findings.find((f) => f.kind === 'meet');
    expect(meet).toMatchObject({ severity: 'hazard', step: 2, message: 'met' });
    expect(meet?.schedule).toHaveLength(3);
    expect([...(meet?.schedule ?? [])].sort()).toEqual([0, 0, 1]);
    expect(r.findings.find((f) => f.kind === 'first')).toMatchObject({ step: 0, schedule: [0] });
    expect(r.findings.map((f) => f.kind).sort()).toEqual(['first', 'meet']);
  });

  it('attributes a stuck state to the step that reached it', () => {
    const r = explore(countersMachine([3, 3], { stuckAt: [1, 2] }));
    const deadlock = r.findings.find((f) => f.kind === 'deadlock');
    expect(deadlock?.schedule).toHaveLength(3);
    expect(deadlock?.step).toBe(2);
  });

  it('gives the same counts with exact storage, with object frontiers and with encoded frontiers', () => {
    const m = countersMachine([4, 3, 2, 2]);
    const hashed = explore(m);
    const exact = explore(m, { exact: true });
    const objects = explore(m, { objectFrontier: true });
    for (const r of [exact, objects]) {
      expect([r.states, r.transitions, r.depth]).toEqual([hashed.states, hashed.transitions, hashed.depth]);
      expect(r.findings).toEqual(hashed.findings);
    }
    expect(hashed.states).toBe(5 * 4 * 3 * 3);
  });

  it('stops at the state bound with an honest incomplete result', () => {
    const r = explore(countersMachine([9, 9, 9]), { maxStates: 100 });
    expect(r.status).toBe('bound');
    expect(r.complete).toBe(false);
    expect(r.states).toBe(100);
    expect(r.message).toBe('incomplete after 100 states: the bound of 100 states was reached');
  });

  it('is complete when the state count equals the bound exactly', () => {
    expect(explore(countersMachine([3, 3]), { maxStates: 16 }).status).toBe('complete');
  });

  it('reports progress every N states and can be cancelled through a signal or a callback', () => {
    const seen: number[] = [];
    const signal = { aborted: false };
    const r = explore(countersMachine([20, 20, 20]), {
      progressEvery: 1000,
      onProgress: (p) => {
        seen.push(p.states);
        if (p.states >= 3000) signal.aborted = true;
      },
      signal,
    });
    expect(seen.slice(0, 3)).toEqual([1000, 2000, 3000]);
    expect(r.status).toBe('cancelled');
    expect(r.complete).toBe(false);
    expect(r.message).toMatch(/^cancelled after \d+ states$/);
    expect(r.states).toBeLessThan(21 ** 3);

    let calls = 0;
    const byCallback = explore(countersMachine([20, 20, 20]), { shouldStop: () => ++calls > 2 });
    expect(byCallback.status).toBe('cancelled');
  });

  it('records steps the machine refuses although it listed the thread as enabled', () => {
    const m = countersMachine([1, 1]);
    const broken = {
      ...m,
      step: (s: number[], t: number) => (t === 1 ? { ok: false as const, error: 'no' } : m.step(s, t)),
    };
    const r = explore(broken);
    expect(r.errors[0]).toEqual({ schedule: [1], error: 'no' });
  });
});

describe('exploreSteps (the sliced search)', () => {
  it('pauses at each progress report and ends with the same result as explore', () => {
    const run = exploreSteps(countersMachine([6, 6, 6]), { progressEvery: 100 });
    const pauses: number[] = [];
    let r = run.next();
    while (!r.done) {
      pauses.push(r.value.states);
      r = run.next();
    }
    expect(pauses).toEqual([100, 200, 300]);
    expect(r.value).toMatchObject({ status: 'complete', states: 343 });
  });

  it('stops with a cancelled result when the signal is set during a pause', () => {
    const signal = { aborted: false };
    const run = exploreSteps(countersMachine([20, 20, 20]), { progressEvery: 1000, signal });
    expect(run.next()).toMatchObject({ done: false, value: { states: 1000 } });
    signal.aborted = true;
    let r = run.next();
    while (!r.done) r = run.next();
    expect(r.value.status).toBe('cancelled');
    expect(r.value.states).toBeLessThan(21 ** 3);
  });
});
