import { describe, expect, it } from 'vitest';
import { builtinScenarios, completeBuiltins } from '../../../scenarios';
import { init, MM_KINDS, programsOf, replay, step, validateScenario } from '../../index';
import type { Scenario, State } from '../../types';
import { explore } from '../engine/engine';
import type { Machine, StepFinding } from '../engine/machine';
import { cellScenario, cellVariants, matrixRows } from '../matrix/matrix';
import { exploreScenario } from '../ringside/ringside';
import { ampleCandidates, dependencyTable, persistentThreads } from './por';

const matrixScenarios: Scenario[] = matrixRows().flatMap(({ design, bug }) =>
  MM_KINDS.flatMap((event) => {
    const cell = validateScenario(cellScenario(design, event, bug));
    return cell.ok ? cellVariants(cell.scenario, event) : [];
  }),
);

const kinds = (findings: readonly { kind: string }[]) => findings.map((f) => f.kind).sort();

/** Reduced and full search of one scenario: same finding kinds; reduced counterexamples replay to their finding. */
function compare(scenario: Scenario): { full: number; reduced: number; longer: number } {
  const full = exploreScenario(scenario, { por: false });
  const reduced = exploreScenario(scenario);
  expect(reduced.complete && full.complete).toBe(true);
  expect(reduced.reduced).toBe(true);
  expect(kinds(reduced.findings)).toEqual(kinds(full.findings));
  expect(reduced.states).toBeLessThanOrEqual(full.states);
  let longer = 0;
  for (const found of reduced.findings) {
    const run = replay(scenario, found.schedule);
    expect(run.error).toBeUndefined();
    const atStep = run.events[found.step]?.findings.map((f) => f.kind) ?? [];
    expect(atStep).toContain(found.kind);
    const shortest = full.findings.find((f) => f.kind === found.kind)?.schedule.length ?? 0;
    expect(found.schedule.length).toBeGreaterThanOrEqual(shortest);
    longer = Math.max(longer, found.schedule.length - shortest);
  }
  return { full: full.states, reduced: reduced.states, longer };
}

describe('partial-order reduction on the Ringside model', () => {
  it.each(completeBuiltins.map((s) => [s.id, s] as const))(
    'keeps every finding kind of %s, with counterexamples that replay',
    (_id, scenario) => {
      compare(scenario);
    },
  );

  it('keeps every finding kind of every matrix cell; counterexamples at most 4 steps longer (docs/partial-order.md)', () => {
    const results = matrixScenarios.map(compare);
    expect(Math.max(...results.map((r) => r.longer))).toBeLessThanOrEqual(4);
    const full = results.reduce((n, r) => n + r.full, 0);
    const reduced = results.reduce((n, r) => n + r.reduced, 0);
    expect(reduced).toBeLessThan(full);
  }, 120_000);

  it('treats the vhost worker as alone once every mm thread has finished', () => {
    const scenario = builtinScenarios.find((s) => s.id === 'gup-munmap-uaf') as Scenario;
    const table = dependencyTable(programsOf(scenario));
    let s: State = init(scenario);
    const mmSteps = programsOf(scenario)[1]?.instrs.length ?? 0;
    for (let i = 0; i < mmSteps * 2 && !s.threads[1]?.done; i++) {
      const r = step(s, 1);
      if (!r.ok) break;
      s = r.state;
    }
    expect(s.threads[1]?.done).toBe(true);
    const view = { length: s.threads.length, pc: (t: number) => s.threads[t]?.pc ?? 0, done: () => false };
    const finished = { ...view, done: (t: number) => s.threads[t]?.done ?? true };
    expect(persistentThreads(table, finished, 0)).toBe(1);
    // While munmap could still run, vhost's gup (it reads the PTEs munmap zaps) is not alone.
    const gupPc = programsOf(scenario)[0]?.instrs.findIndex((i) => i.op === 'gup') ?? -1;
    const atGup = { length: 2, pc: (t: number) => (t === 0 ? gupPc : 0), done: () => false };
    expect(persistentThreads(table, atGup, 0)).toBe(0b11);
    expect(ampleCandidates(table, atGup, [0, 1]).flat()).not.toContain(0);
  });
});

/**
 * Thread 0 flips a bit forever (a local cycle, always "independent"); thread 1 has one step that raises a hazard.
 * Without the cycle proviso a reduced search would follow thread 0 around its cycle and never run thread 1.
 */
function ignoringMachine(): Machine<number[]> {
  const hazard: StepFinding = { kind: 'boom', severity: 'hazard', message: 'thread 1 ran' };
  return {
    init: () => [0, 0],
    enabled: (s) => (s[1] === 0 ? [0, 1] : [0]),
    step: (s, t) =>
      t === 0
        ? { ok: true, state: [1 - (s[0] ?? 0), s[1] ?? 0], findings: [] }
        : { ok: true, state: [s[0] ?? 0, 1], findings: [hazard] },
    encode(s, w) {
      for (const v of s) w.push(v);
    },
    ampleSets: () => [[0]],
  };
}

describe('the engine with partial-order reduction', () => {
  it('expands a state fully when its solo step closes a cycle (the proviso), so no thread is ignored', () => {
    const r = explore(ignoringMachine(), { chains: false });
    expect(r.reduced).toBe(true);
    expect(r.findings.map((f) => f.kind)).toEqual(['boom']);
    expect(r.findings[0]?.schedule).toEqual([0, 1]);
  });

  it('expands fully when the solo step reports a finding, and not at all with por: false', () => {
    const visible: Machine<number[]> = {
      ...ignoringMachine(),
      ampleSets: (s) => (s[1] === 0 ? [[1]] : []),
    };
    const r = explore(visible, { chains: false });
    expect(r.states).toBe(4);
    const off = explore(ignoringMachine(), { por: false });
    expect(off.reduced).toBe(false);
    expect(off.states).toBe(4);
    expect(off.findings[0]?.schedule).toEqual([1]);
  });
});
