import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_BACKINGS, KIND_MEMORY, MM_KINDS } from './catalog';
import { replay, step } from './step';
import { deepFreeze, runChoices, shortestTo } from './test-helpers';
import type { Backing, BugSwitch, DesignId, HazardKind, MemoryKind, MmEventKind, Scenario, WarningKind } from './types';
import { validateScenario } from './validate';
import { init } from './world';

/** The mm events that run on private anonymous memory, the memory these properties use (writeback needs a file). */
const KINDS: MmEventKind[] = MM_KINDS.filter((kind) => KIND_MEMORY[kind].includes('anonymous'));

function scenarioOf(
  design: DesignId,
  backing: Backing,
  kinds: MmEventKind[],
  rounds: number,
  bugs: BugSwitch[] = [],
  startRegion = 0,
  memory: MemoryKind = 'anonymous',
): Scenario {
  const result = validateScenario({
    format: 1,
    id: 'prop',
    design,
    backing,
    memory,
    bugs,
    rounds,
    startRegion,
    mm: kinds.map((kind) => ({
      kind,
      target: kind === 'reclaim' || kind === 'ksm' || kind === 'migrate' ? 'used' : 'all',
    })),
  });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.scenario;
}

const backingArb = fc.constantFrom<Backing>('4k', 'thp', 'hugetlb-1g');
const safeScenarioArb = fc
  .tuple(
    fc.constantFrom<DesignId>('copy-user', 'kmap-seq', 'interval-notifier', 'interval-mutex'),
    backingArb,
    fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 2 }),
    fc.integer({ min: 1, max: 2 }),
  )
  .map(([design, backing, kinds, rounds]) => {
    const valid = kinds.filter((k) => KIND_BACKINGS[k].includes(backing));
    const unique = valid.filter((k, i) => k !== 'set-vring-addr' || valid.indexOf(k) === i);
    return scenarioOf(design, backing, unique.length > 0 ? unique : ['munmap'], rounds);
  });
const choicesArb = fc.array(fc.nat(7), { minLength: 0, maxLength: 200 });

describe('safety of the correct designs', () => {
  it('copy-user, kmap-seq and both interval notifiers never corrupt memory under any schedule of any mm event', () => {
    fc.assert(
      fc.property(safeScenarioArb, choicesArb, (scenario, choices) => {
        const { state } = runChoices(scenario, choices);
        const hazards = state.findings.filter((f) => f.severity === 'hazard').map((f) => `${f.kind}: ${f.message}`);
        expect(hazards).toEqual([]);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  }, 600_000);
});

describe('every bug switch has a schedule that produces its hazard, and only the switch causes it', () => {
  // A lost write from a missing set_page_dirty needs shmem or file memory: private anonymous pages stay dirty.
  const cases: [BugSwitch, DesignId, MmEventKind[], HazardKind | WarningKind, number?, MemoryKind?][] = [
    ['skip-seq-check', 'kmap-seq', ['munmap'], 'use-after-free'],
    ['skip-seq-check', 'interval-notifier', ['munmap'], 'use-after-free'],
    ['skip-seq-check', 'direct-map-rcu', ['munmap'], 'use-after-free'],
    ['skip-seq-check', 'vmap-notifier', ['munmap'], 'use-after-free'],
    ['skip-set-page-dirty', 'kmap-seq', ['reclaim'], 'lost-write', 0, 'shmem'],
    ['skip-set-page-dirty', 'interval-notifier', ['reclaim'], 'lost-write', 0, 'shmem'],
    ['skip-set-page-dirty', 'direct-map-rcu', ['reclaim'], 'lost-write', 0, 'shmem'],
    ['no-smp-rmb', 'kmap-seq', ['munmap'], 'use-after-free'],
    ['dirty-lock-in-notifier', 'kmap-seq', ['munmap'], 'sleep-in-atomic'],
    ['dirty-lock-in-notifier', 'kmap-seq', ['ksm'], 'deadlock'],
    ['dirty-lock-in-notifier', 'interval-notifier', ['munmap'], 'sleep-in-atomic'],
    ['range-dependent-count', 'kmap-seq', ['munmap', 'set-vring-addr'], 'use-after-free', 1],
    ['eagain-nonblock', 'kmap-seq', ['oom-reap'], 'oom-reaper-skipped'],
    ['eagain-nonblock', 'interval-notifier', ['oom-reap'], 'oom-reaper-skipped'],
    ['skip-seq-check', 'interval-mutex', ['munmap'], 'use-after-free'],
    ['skip-set-page-dirty', 'interval-mutex', ['reclaim'], 'lost-write', 0, 'shmem'],
    ['dirty-lock-in-notifier', 'interval-mutex', ['ksm'], 'deadlock'],
    ['mutex-in-nonblock', 'interval-mutex', ['oom-reap'], 'block-in-nonblock'],
  ];
  it.each(cases)('%s on %s with %s → %s', (bug, design, kinds, kind, startRegion = 0, memory = 'anonymous') => {
    const buggy = scenarioOf(design, '4k', kinds, 1, [bug], startRegion, memory);
    const schedule = shortestTo(buggy, kind);
    expect(schedule).not.toBeNull();
    const run = replay(buggy, schedule ?? []);
    expect(run.events.at(-1)?.findings.map((f) => f.kind)).toContain(kind);
    if (design === 'kmap-seq' || design === 'interval-notifier' || design === 'interval-mutex') {
      expect(shortestTo(scenarioOf(design, '4k', kinds, 1, [], startRegion, memory), kind)).toBeNull();
    }
  });
});

describe('purity and determinism', () => {
  it('step never mutates its input state', () => {
    fc.assert(
      fc.property(safeScenarioArb, choicesArb, (scenario, choices) => {
        let state = deepFreeze(init(scenario));
        for (const c of choices.slice(0, 60)) {
          const next = step(state, c % state.threads.length);
          if (next.ok) state = deepFreeze(next.state);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('replay is deterministic: the same scenario and schedule give the same trace', () => {
    fc.assert(
      fc.property(safeScenarioArb, choicesArb, (scenario, choices) => {
        const { schedule } = runChoices(scenario, choices);
        expect(replay(scenario, schedule)).toEqual(replay(scenario, schedule));
        expect(replay(scenario, schedule).error).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('replay stops at an invalid choice and says which', () => {
    const scenario = scenarioOf('kmap-seq', '4k', ['munmap'], 1);
    const run = replay(scenario, [0, 7]);
    expect(run.errorAt).toBe(1);
    expect(run.error).toMatch(/Step 2: There is no thread 8/);
    expect(run.states).toHaveLength(2);
  });
});
