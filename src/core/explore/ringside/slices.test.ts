import { afterEach, describe, expect, it, vi } from 'vitest';
import { stress } from '../../../../scripts/bench/scenarios';
import { exploreSteps } from '../engine/engine';
import type { Machine } from '../engine/machine';
import { buildGraph } from '../liveness/state-graph';
import { MAX_LINKS } from '../reduction/chains';
import { ringsideMachine } from './ringside';

/** The real machine, with a fake clock that each step moves forward, as a slow device would. */
function slowMachine(msPerStep: number): { machine: Machine<unknown>; clock: { now: number } } {
  const clock = { now: 0 };
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
  const inner = ringsideMachine(stress) as Machine<unknown>;
  const step: Machine<unknown>['step'] = (state, t) => {
    clock.now += msPerStep;
    return inner.step(state, t);
  };
  return { machine: { ...inner, step }, clock };
}

afterEach(() => vi.restoreAllMocks());

describe('exploration in bounded slices', () => {
  it('ends a slice once its time budget is spent, however slow the steps', { timeout: 60_000 }, () => {
    const msPerStep = 0.5;
    const { machine, clock } = slowMachine(msPerStep);
    const steps = exploreSteps(machine, { maxStates: 3_000, progressEvery: 1e9, sliceMs: 8 });
    const slices: number[] = [];
    let started = clock.now;
    for (let r = steps.next(); !r.done; r = steps.next()) {
      slices.push(clock.now - started);
      started = clock.now;
    }
    slices.push(clock.now - started);
    // Expanding one state steps each thread, and each step may go on along a chain (docs/partial-order.md).
    const oneStateAtMost = (stress.mm.length + 1) * (1 + MAX_LINKS);
    expect(slices.length).toBeGreaterThan(100);
    expect(Math.max(...slices)).toBeLessThanOrEqual(8 + oneStateAtMost * msPerStep);
  });

  it('stops at a memory bound with an incomplete result that names it', { timeout: 60_000 }, () => {
    const steps = exploreSteps(ringsideMachine(stress), { maxStoreBytes: 2 ** 20, progressEvery: 1e9 });
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value).toMatchObject({ status: 'bound', complete: false });
    expect(r.value.message).toMatch(/^incomplete after \d+ states: the memory bound of 1 MB was reached$/);
    expect(r.value.storeBytes).toBeLessThan(3 * 2 ** 20);
  });
});

describe('the liveness graph in bounded slices', () => {
  it('ends a slice of the graph search once its time budget is spent', { timeout: 60_000 }, () => {
    const msPerStep = 0.5;
    const { machine, clock } = slowMachine(msPerStep);
    const spec = { progress: () => false };
    const steps = buildGraph(machine, spec, { maxStates: 3_000, progressEvery: 1e9, sliceMs: 8 });
    const slices: number[] = [];
    let started = clock.now;
    for (let r = steps.next(); !r.done; r = steps.next()) {
      slices.push(clock.now - started);
      started = clock.now;
    }
    expect(slices.length).toBeGreaterThan(100);
    expect(Math.max(...slices)).toBeLessThanOrEqual(8 + (stress.mm.length + 1) * msPerStep);
  });

  it('stops the graph search at a memory bound and says it is incomplete', { timeout: 60_000 }, () => {
    const steps = buildGraph(
      ringsideMachine(stress) as Machine<unknown>,
      { progress: () => false },
      {
        maxStates: 1_000_000,
        maxStoreBytes: 2 ** 20,
      },
    );
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value.status).toBe('bound');
    expect(r.value.states).toBeLessThan(1_000_000);
  });
});
