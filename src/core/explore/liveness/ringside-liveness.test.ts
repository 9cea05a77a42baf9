import { describe, expect, it } from 'vitest';
import { builtinScenarios, completeBuiltins } from '../../../scenarios';
import { replay } from '../../index';
import { encodeState } from '../../schema/state-codec';
import type { Scenario, State } from '../../types';
import { IntWriter } from '../engine/int-writer';
import { cellScenario } from '../matrix/matrix';
import { ringsideMachine } from '../ringside/ringside';
import type { Lasso } from './liveness';
import { checkScenarioLiveness, loopSummary, vhostProgress } from './ringside-liveness';

const keyOf = (s: State) => {
  const w = new IntWriter();
  encodeState(s, w);
  return w.key();
};

/** The lasso replays in the core, and its loop ends in the state it started from without vhost progress. */
function expectLoopReturns(scenario: Scenario, lasso: Lasso) {
  const run = replay(scenario, [...lasso.prefix, ...lasso.loop]);
  expect(run.error).toBeUndefined();
  const start = run.states[lasso.prefix.length] as State;
  const end = run.states.at(-1) as State;
  expect(keyOf(end)).toBe(keyOf(start));
  expect(end.published).toBe(start.published);
  expect(end.threads[0]?.locals.round).toBe(start.threads[0]?.locals.round);
}

const live = (scenario: Scenario) => checkScenarioLiveness(scenario, ringsideMachine(scenario));

describe('vhost progress', () => {
  it('counts publishing used.idx and ending a round, never a retry', () => {
    const scenario = builtinScenarios.find((s) => s.id === 'gup-munmap-seq-retry') as Scenario;
    const run = replay(scenario, scenario.story);
    const progress = run.events.map((e, i) =>
      vhostProgress.progress(run.states[i] as State, e.thread, run.states[i + 1] as State),
    );
    const ops = run.events.filter((_, i) => progress[i]).map((e) => e.instr.op);
    expect(ops).toEqual(['kaccess', 'round-end', 'kaccess', 'round-end']);
    expect(run.events.some((e, i) => e.cost.retries > 0 && progress[i])).toBe(false);
  });
});

/** The built-in scenario written to starve: its count is left at 1 and kmap-seq's check then fails forever. */
const STARVING = ['count-stuck-starves'];

describe.each(completeBuiltins.map((s) => [s.id, s] as const))('liveness of built-in scenario %s', (id, scenario) => {
  const r = live(scenario);

  it('is complete, live under weak fairness unless written to starve, and every loop replays to its own start', () => {
    expect(r.complete).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.weakFairness.verdict).toBe(STARVING.includes(id) ? 'violated' : 'live');
    if (r.weakFairness.lasso) {
      expectLoopReturns(scenario, r.weakFairness.lasso);
      expect(r.weakFairness.lasso.neglected).toEqual([]);
    }
    if (r.noFairness.lasso) {
      expectLoopReturns(scenario, r.noFairness.lasso);
      if (!STARVING.includes(id)) expect(r.noFairness.lasso.neglected.length).toBeGreaterThan(0);
      expect(loopSummary(scenario, r.noFairness.lasso).retries).toBeGreaterThan(0);
    }
  });
});

describe('a count left above zero (range-dependent count, ring moved out of the range mid-invalidation)', () => {
  const scenario: Scenario = { ...cellScenario('kmap-seq', 'set-vring-addr', 'range-dependent-count'), startRegion: 0 };

  it('starves vhost under weak fairness: it redoes gup_fast forever, alone', () => {
    const r = live(scenario);
    expect(r.weakFairness.verdict).toBe('violated');
    const lasso = r.weakFairness.lasso as Lasso;
    expectLoopReturns(scenario, lasso);
    expect(lasso.stepping).toEqual([0]);
    expect(lasso.neglected).toEqual([]);
    const atLoop = replay(scenario, lasso.prefix).states.at(-1) as State;
    expect(atLoop.vhost.count).toBe(1);
    expect(atLoop.threads.slice(1).every((t) => t.done)).toBe(true);
    expect(loopSummary(scenario, lasso)).toMatchObject({ retries: 1 });
    expect(r.weakFairness.message).toContain('a fair scheduler can run it forever');
  });

  it('gives the same verdicts and lassos with exact state storage', () => {
    const hashed = live(scenario);
    const exact = checkScenarioLiveness(scenario, ringsideMachine(scenario), { exact: true });
    expect(exact.weakFairness).toEqual(hashed.weakFairness);
    expect(exact.noFairness).toEqual(hashed.noFairness);
    expect([exact.states, exact.cycles, exact.fairCycles]).toEqual([hashed.states, hashed.cycles, hashed.fairCycles]);
  });

  it('does not starve the merged design: its invalidate_count bail-out falls back to copy_*_user', () => {
    const merged: Scenario = { ...scenario, design: 'direct-map-rcu', bugs: [] };
    const r = live(merged);
    expect([r.noFairness.verdict, r.weakFairness.verdict]).toEqual(['live', 'live']);
  });
});
