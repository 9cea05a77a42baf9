import { describe, expect, it } from 'vitest';
import { guestUsedIdx, replay } from '../core';
import { builtinScenarios, defaultScenarioId, scenarioById } from '.';

/** Golden traces: each built-in story, replayed, gives these findings (kind, step) and these run counters. */
const GOLDEN: Record<
  string,
  { findings: [string, number][]; published: number; guestUsedIdx: number; counters: Record<string, number> }
> = {
  'gup-munmap-uaf': {
    findings: [
      ['use-after-free', 11],
      ['use-after-free', 12],
      ['use-after-free', 13],
    ],
    published: 1,
    guestUsedIdx: 0,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 1,
      gupCalls: 1,
      locks: 7,
      stacClac: 0,
    },
  },
  'gup-munmap-seq-retry': {
    findings: [],
    published: 2,
    guestUsedIdx: 2,
    counters: {
      tlbMiss4K: 3,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 1,
      gupCalls: 3,
      locks: 12,
      stacClac: 3,
    },
  },
  'swapout-lost-write': {
    findings: [['lost-write', 16]],
    published: 1,
    guestUsedIdx: 0,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 1,
      gupCalls: 1,
      locks: 7,
      stacClac: 0,
    },
  },
  'rmb-reorder': {
    findings: [
      ['use-after-free', 13],
      ['use-after-free', 14],
      ['use-after-free', 15],
    ],
    published: 1,
    guestUsedIdx: 0,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 1,
      gupCalls: 1,
      locks: 7,
      stacClac: 0,
    },
  },
  'tlb-reach-vmap-thp': {
    findings: [],
    published: 2,
    guestUsedIdx: 2,
    counters: {
      tlbMiss4K: 3,
      tlbMiss2M: 0,
      tlbMiss1G: 0,
      ptesWritten: 3,
      tlbFlushes: 0,
      gupCalls: 1,
      locks: 4,
      stacClac: 0,
    },
  },
  'tlb-reach-kmap-1g': {
    findings: [],
    published: 2,
    guestUsedIdx: 2,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 0,
      gupCalls: 1,
      locks: 9,
      stacClac: 0,
    },
  },
  'ksm-dirty-lock': {
    findings: [['deadlock', 8]],
    published: 0,
    guestUsedIdx: 0,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 0,
      ptesWritten: 0,
      tlbFlushes: 0,
      gupCalls: 1,
      locks: 3,
      stacClac: 0,
    },
  },
  'rfc-v2-rmap-mutex': {
    findings: [['sleep-in-atomic', 3]],
    published: 1,
    guestUsedIdx: 1,
    counters: {
      tlbMiss4K: 3,
      tlbMiss2M: 0,
      tlbMiss1G: 0,
      ptesWritten: 0,
      tlbFlushes: 1,
      gupCalls: 1,
      locks: 1,
      stacClac: 3,
    },
  },
  'rfc-v2-ksm-abba': {
    findings: [
      ['lost-write', 13],
      ['deadlock', 13],
    ],
    published: 1,
    guestUsedIdx: 0,
    counters: {
      tlbMiss4K: 3,
      tlbMiss2M: 0,
      tlbMiss1G: 0,
      ptesWritten: 3,
      tlbFlushes: 2,
      gupCalls: 1,
      locks: 1,
      stacClac: 0,
    },
  },
  'vmap-lazy-tlb': {
    findings: [
      ['stale-tlb', 18],
      ['stale-tlb', 20],
      ['use-after-free', 20],
      ['stale-tlb', 21],
      ['use-after-free', 21],
    ],
    published: 2,
    guestUsedIdx: 0,
    counters: {
      tlbMiss4K: 3,
      tlbMiss2M: 0,
      tlbMiss1G: 0,
      ptesWritten: 3,
      tlbFlushes: 1,
      gupCalls: 1,
      locks: 3,
      stacClac: 0,
    },
  },
  'v1-pin-blocks-migration': {
    findings: [['pin-blocks-migration', 10]],
    published: 1,
    guestUsedIdx: 1,
    counters: {
      tlbMiss4K: 3,
      tlbMiss2M: 0,
      tlbMiss1G: 0,
      ptesWritten: 3,
      tlbFlushes: 1,
      gupCalls: 1,
      locks: 1,
      stacClac: 0,
    },
  },
  'merged-rcu-revert': {
    findings: [
      ['rcu-latency', 3],
      ['use-after-free', 17],
      ['use-after-free', 19],
      ['use-after-free', 21],
      ['invalidation-never-ends', 25],
    ],
    published: 1,
    guestUsedIdx: 0,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 1,
      gupCalls: 1,
      locks: 4,
      stacClac: 0,
    },
  },
  'oom-reaper-eagain': {
    findings: [['oom-reaper-skipped', 8]],
    published: 1,
    guestUsedIdx: 1,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 0,
      gupCalls: 1,
      locks: 2,
      stacClac: 0,
    },
  },
  'thp-split-spurious': {
    findings: [['spurious-invalidation', 12]],
    published: 2,
    guestUsedIdx: 2,
    counters: {
      tlbMiss4K: 0,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 1,
      gupCalls: 2,
      locks: 12,
      stacClac: 0,
    },
  },
  'interval-notifier-safe': {
    findings: [],
    published: 2,
    guestUsedIdx: 2,
    counters: {
      tlbMiss4K: 3,
      tlbMiss2M: 0,
      tlbMiss1G: 1,
      ptesWritten: 0,
      tlbFlushes: 2,
      gupCalls: 3,
      locks: 12,
      stacClac: 3,
    },
  },
  'copy-user-baseline': {
    findings: [],
    published: 2,
    guestUsedIdx: 2,
    counters: {
      tlbMiss4K: 4,
      tlbMiss2M: 0,
      tlbMiss1G: 0,
      ptesWritten: 0,
      tlbFlushes: 2,
      gupCalls: 0,
      locks: 2,
      stacClac: 6,
    },
  },
};

describe('built-in scenarios', () => {
  it('has a golden trace for every built-in scenario, and the default exists', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(builtinScenarios.map((s) => s.id).sort());
    expect(scenarioById(defaultScenarioId)).toBeDefined();
  });

  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    '%s replays its story to the golden trace',
    (id, scenario) => {
      const golden = GOLDEN[id];
      const run = replay(scenario, scenario.story);
      expect(run.error).toBeUndefined();
      const last = run.states[run.states.length - 1];
      if (!golden || !last) throw new Error('missing golden or state');
      expect(last.findings.map((f) => [f.kind, f.step])).toEqual(golden.findings);
      expect(last.published).toBe(golden.published);
      expect(guestUsedIdx(last)).toBe(golden.guestUsedIdx);
      expect(last.counters).toMatchObject(golden.counters);
    },
  );

  // A story is one schedule: it shows only documented findings, including the headline one. That the documented set is
  // exactly what some schedule can reach is the explorer's test (src/core/explore/builtins.test.ts).
  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    '%s: its story shows only findings it documents',
    (_id, scenario) => {
      const run = replay(scenario, scenario.story);
      const kinds = new Set<string>(run.events.flatMap((e) => e.findings.map((f) => f.kind)));
      const documented: string[] = [...scenario.expect.hazards, ...scenario.expect.warnings];
      for (const kind of kinds) expect(documented).toContain(kind);
      const headline = scenario.expect.hazards[0] ?? scenario.expect.warnings[0];
      if (headline) expect(kinds).toContain(headline);
      else expect(kinds.size).toBe(0);
    },
  );

  it('every finding carries the step that caused it and a rule', () => {
    for (const scenario of builtinScenarios) {
      const run = replay(scenario, scenario.story);
      run.events.forEach((event, i) => {
        for (const f of event.findings) {
          expect(f.step).toBe(i);
          expect(f.message.length).toBeGreaterThan(20);
          expect(f.rule.length).toBeGreaterThan(20);
        }
      });
    }
  });
});
