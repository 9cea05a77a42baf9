import { describe, expect, it } from 'vitest';
import { MESSAGE_MAX } from './excerpt';
import { validateScenario } from './validate';

const base = { format: 1, id: 'mine', design: 'kmap-seq', mm: [{ kind: 'munmap' }] };

function errorsOf(json: unknown): string[] {
  const result = validateScenario(json);
  return result.ok ? [] : result.errors;
}

describe('validateScenario', () => {
  it('fills optional fields with defaults', () => {
    const result = validateScenario(base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toMatchObject({
      backing: '4k',
      ringSize: 256,
      rounds: 2,
      bugs: [],
      startRegion: 0,
      story: [],
    });
    expect(result.scenario.mm).toEqual([{ kind: 'munmap', target: 'all' }]);
  });

  it('names the field and the allowed values', () => {
    expect(errorsOf({ ...base, design: 'vmap' })[0]).toMatch(/^design: got "vmap"; allowed values: "copy-user", /);
    expect(errorsOf({ ...base, ringSize: 300 })[0]).toMatch(
      /^ringSize: got 300; allowed values: 64, 128, 256, 512, 1024/,
    );
    expect(errorsOf({ ...base, rounds: 9 })[0]).toMatch(/^rounds: .*from 1 to 4/);
    expect(errorsOf({ ...base, format: 2 })[0]).toMatch(/^format: got 2; allowed values: 1/);
    expect(errorsOf({ ...base, mm: [{ kind: 'swap' }] })[0]).toMatch(/^mm\[0\]\.kind: got "swap"/);
  });

  it('rejects combinations the kernel cannot have', () => {
    expect(errorsOf({ ...base, backing: 'hugetlb-1g', mm: [{ kind: 'reclaim' }] })[0]).toMatch(
      /reclaim needs backing "4k"/,
    );
    expect(errorsOf({ ...base, design: 'copy-user', bugs: ['no-smp-rmb'] })[0]).toMatch(
      /no-smp-rmb applies to designs "kmap-seq", not copy-user/,
    );
    expect(errorsOf({ ...base, startRegion: 1 })[0]).toMatch(/startRegion: 1 needs a set-vring-addr/);
    expect(errorsOf({ ...base, story: [0, 5] })[0]).toMatch(/story: .*from 0 to 1/);
  });

  it('takes fork only on private anonymous 4K memory, and exit on anonymous memory', () => {
    expect(errorsOf({ ...base, mm: [{ kind: 'fork' }, { kind: 'exit' }] })).toEqual([]);
    expect(errorsOf({ ...base, backing: 'thp', mm: [{ kind: 'fork' }] })[0]).toMatch(/fork needs backing "4k"/);
    expect(errorsOf({ ...base, memory: 'shmem', mm: [{ kind: 'fork' }] })[0]).toMatch(/fork needs memory "anonymous"/);
    expect(errorsOf({ ...base, memory: 'file', mm: [{ kind: 'exit' }] })[0]).toMatch(/exit needs memory "anonymous"/);
  });

  it('reports an unknown design once, without judging bug switches against a fallback', () => {
    expect(errorsOf({ ...base, design: 'vmap', bugs: ['no-smp-rmb'] })).toHaveLength(1);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 3, 'x', [], { format: 1 }, { ...base, mm: 'all' }, { ...base, bugs: {} }]) {
      expect(() => validateScenario(junk)).not.toThrow();
      expect(validateScenario(junk).ok).toBe(false);
    }
  });
});

describe('validateScenario: null and -0 (issue 22)', () => {
  it('stores a story step of -0 as 0', () => {
    const result = validateScenario({ ...base, story: [-0, 1, -0] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.story).toEqual([0, 1, 0]);
      expect(result.scenario.story.some((t) => Object.is(t, -0))).toBe(false);
    }
  });

  it('refuses null in every field, story as title', () => {
    const optional = ['title', 'summary', 'bugs', 'backing', 'memory', 'directMap', 'ringSize', 'rounds', 'mm'];
    for (const field of [...optional, 'startRegion', 'story', 'expect']) {
      const errors = errorsOf({ ...base, [field]: null });
      expect(errors.some((message) => message.startsWith(`${field}: got null`))).toBe(true);
    }
  });
});

describe('validateScenario: message lines (issue 22)', () => {
  it('keeps every message within MESSAGE_MAX, however many escapes the excerpts need', () => {
    const escapes = '\u001b\u202e\ud800'.repeat(60);
    const errors = errorsOf({
      ...base,
      id: escapes,
      design: escapes,
      mm: [{ kind: escapes, target: escapes }],
      [`a${escapes}`]: 1,
      [`b${escapes}`]: 2,
      [`c${escapes}`]: 3,
    });
    expect(errors.length).toBeGreaterThan(4);
    for (const message of errors) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_MAX);
      expect(message).not.toMatch(/[\p{Cc}\u202e\ud800]/u);
    }
  });
});
