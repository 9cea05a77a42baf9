import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios, scenarioById } from '../scenarios';
import { exploreScenario } from './explore/ringside/ringside';
import { layoutOf } from './layout';
import { targetPages } from './pagetable';
import { replay } from './step';
import type { DesignId, Scenario } from './types';
import { validateScenario } from './validate';
import { init } from './world';

/** The ring move of vq 0 racing a munmap of every ring, with the worker serving vq 0 then vq 1. */
function twoVqs(design: DesignId, vqs: 1 | 2): Scenario {
  const result = validateScenario({
    format: 1,
    id: `vq-${design}`,
    design,
    ringSize: 64,
    rounds: 2,
    vqs,
    mm: [
      { kind: 'munmap', target: 'all' },
      { kind: 'set-vring-addr', target: 'all' },
    ],
  });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.scenario;
}

const hazards = (scenario: Scenario) =>
  exploreScenario(scenario)
    .findings.filter((f) => f.severity === 'hazard')
    .map((f) => f.kind);

describe('the second virtqueue', () => {
  it('leaves every built-in story unchanged when vqs: 1 is written out', () => {
    for (const scenario of builtinScenarios.filter((s) => s.vqs === undefined)) {
      const plain = replay(scenario, scenario.story);
      const explicit = replay({ ...scenario, vqs: 1 }, scenario.story);
      expect(explicit.events.map((e) => e.detail)).toEqual(plain.events.map((e) => e.detail));
      expect(explicit.states.at(-1)?.findings).toEqual(plain.states.at(-1)?.findings);
    }
  });

  it('lets a munmap of vq 1’s ring go unseen during vq 0’s ring move in the merged code and RFC V2 only', () => {
    for (const design of ['direct-map-rcu', 'vmap-notifier'] as const) {
      expect(hazards(twoVqs(design, 2))).toContain('use-after-free');
      expect(hazards(twoVqs(design, 1))).not.toContain('use-after-free');
    }
    for (const design of ['copy-user', 'kmap-seq', 'interval-notifier', 'interval-mutex'] as const)
      expect(hazards(twoVqs(design, 2))).toEqual([]);
  });

  it('serves the vqs in turn, each round under its own vq mutex', () => {
    const scenario = twoVqs('kmap-seq', 2);
    const run = replay(scenario, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const begins = run.events.filter((e) => e.instr.op === 'round-begin').map((e) => e.detail);
    expect(begins).toEqual(['Round 1 of 2 begins (vq 0).', 'Round 2 of 2 begins (vq 1).']);
    const last = run.states.at(-1);
    expect(last?.vhost.vqMutex).toBe(-1);
    expect(last?.vhost.vqMutex1).toBe(0);
  });

  it('drops only vq 0’s maps when the ring moves, as vhost_vring_set_num_addr does', () => {
    const scenario = scenarioById('merged-second-vq');
    if (!scenario) throw new Error('missing built-in');
    const run = replay(scenario, scenario.story);
    const moved = run.events.findIndex((e) => e.instr.op === 'set-addr');
    const before = run.states[moved];
    const after = run.states[moved + 1];
    if (!before || !after) throw new Error('no ring move in the story');
    const n = layoutOf(scenario.ringSize).pages;
    expect(after.vhost.ptr.slice(0, n).every((f) => f < 0)).toBe(true);
    expect(after.vhost.ptr.slice(n)).toEqual(before.vhost.ptr.slice(n));
    expect(after.vhost.ptr.slice(n).some((f) => f >= 0)).toBe(true);
  });

  it('aims an `all` target at both rings and a named area at vq 0’s ring', () => {
    fc.assert(
      fc.property(fc.constantFrom(64, 128, 256), (ringSize) => {
        const base = validateScenario({
          format: 1,
          id: 'targets',
          design: 'kmap-seq',
          ringSize,
          vqs: 2,
          mm: [
            { kind: 'munmap', target: 'all' },
            { kind: 'munmap', target: 'used' },
          ],
        });
        if (!base.ok) throw new Error(base.errors.join(' '));
        const s = init(base.scenario);
        const [all, used] = base.scenario.mm;
        if (!all || !used) throw new Error('no mm threads');
        expect([...targetPages(s, all)].sort((a, b) => a - b)).toEqual(s.ptes.map((_, i) => i));
        expect(targetPages(s, used).every((gp) => gp < s.ptes.length / 2)).toBe(true);
      }),
    );
  });

  it('refuses what the model cannot hold, with a message that names the field', () => {
    const base = { format: 1, id: 'bad', design: 'kmap-seq', mm: [] };
    expect(validateScenario({ ...base, vqs: 3 })).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^vqs: got 3/)],
    });
    expect(validateScenario({ ...base, vqs: 2, ringSize: 512 })).toEqual({
      ok: false,
      errors: ['vqs: 2 needs ringSize 256 or less (both rings must fit the model’s page table).'],
    });
    expect(validateScenario({ ...base, vqs: 2, mm: [{ kind: 'exit', target: 'all' }] })).toMatchObject({ ok: false });
    const plain = validateScenario(base);
    expect(plain.ok && Object.hasOwn(plain.scenario, 'vqs')).toBe(false);
  });
});
