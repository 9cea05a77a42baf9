import { describe, expect, it } from 'vitest';
import { init, type State, step, threadNames } from '../../core';
import { scenarioById } from '../../scenarios';
import { pairedRuns, withDesign } from './paired-runs';

describe('two designs on the same mm steps', () => {
  const base = scenarioById('tlb-reach-vmap-thp');
  if (!base) throw new Error('missing scenario');

  it('runs vmap-notifier against kmap-seq on THP: the run own design exactly, the other through every mm step', () => {
    const a = withDesign(base, 'vmap-notifier');
    const b = withDesign(base, 'kmap-seq');
    if (!a || !b) throw new Error('variant refused');
    expect([a.backing, b.backing, b.design]).toEqual(['thp', 'thp', 'kmap-seq']);
    const points = pairedRuns(base, a, b, base.story, threadNames(base));
    expect(points).toHaveLength(base.story.filter((t) => t !== 0).length + 2);

    let replayed: State = init(base);
    for (const thread of base.story) {
      const result = step(replayed, thread);
      if (result.ok) replayed = result.state;
    }
    const last = points.at(-1);
    expect(last?.a.counters).toEqual(replayed.counters);
    expect(last?.b.counters.ringAccesses).toBeGreaterThanOrEqual(replayed.counters.ringAccesses);
    const mmThreads = base.mm.map((_, i) => i + 1);
    for (const t of mmThreads) expect(last?.b.threads[t]?.done).toBe(last?.a.threads[t]?.done);
  });

  it('pairs the two interval notifiers without leaving the mutex one inside its critical section at an mm step', () => {
    const spin = scenarioById('interval-notifier-safe');
    if (!spin) throw new Error('missing scenario');
    const mutex = withDesign(spin, 'interval-mutex');
    if (!mutex) throw new Error('variant refused');
    const points = pairedRuns(spin, spin, mutex, spin.story, threadNames(spin));
    expect(points.length).toBeGreaterThan(3);
    expect(points.every((p) => p.b.vhost.mmuLock !== 0)).toBe(true);
    expect(points.at(-1)?.b.findings.filter((f) => f.severity === 'hazard')).toEqual([]);
  });

  it('drops the bug switches the other design does not have', () => {
    const buggy = { ...base, design: 'kmap-seq' as const, bugs: ['no-smp-rmb' as const] };
    expect(withDesign(buggy, 'vmap-notifier')?.bugs).toEqual([]);
    expect(withDesign(buggy, 'kmap-seq')?.bugs).toEqual(['no-smp-rmb']);
  });
});
