import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate';

/** The reproductions of issue 8: each input threw, or answered with an unbounded message, before the guard. */
const base = { format: 1, id: 'mine', design: 'kmap-seq', mm: [{ kind: 'munmap' }] };

function refusal(json: unknown): string {
  const result = validateScenario(json);
  expect(result.ok).toBe(false);
  const text = result.ok ? '' : result.errors.join(' ');
  expect(text.length).toBeLessThan(600);
  expect(text).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
  return text;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { x: value };
  return value;
}

describe('validateScenario on hostile input', () => {
  it('refuses data nested 5,000 deep without walking it', () => {
    expect(refusal({ ...base, format: nested(5000) })).toMatch(/^format.*: nested deeper than 8 levels\.$/);
    expect(refusal(nested(100_000))).toMatch(/nested deeper than 8 levels/);
  });

  it('answers a million-entry bugs list with one short error', () => {
    const errors = refusal({ ...base, bugs: Array(1_000_000).fill('no-smp-rmb') });
    expect(errors).toBe('bugs: a list of 1000000 items; at most 1000.');
  });

  it('quotes a 50 MB string as a short excerpt', () => {
    expect(refusal({ ...base, design: 'v'.repeat(50_000_000) })).toBe(
      'design: a text of 50000000 characters; at most 4096.',
    );
    expect(refusal({ ...base, design: `vmap\n\u001b[2J${'x'.repeat(3000)}` })).toMatch(
      /^design: got "vmap\\u000a\\u001b\[2Jx+…" \(3009 characters\); allowed values: /,
    );
  });

  it('refuses a proxy whose traps throw, and a revoked proxy', () => {
    const trap = () => {
      throw new Error('boom');
    };
    const hostile = new Proxy(base, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap });
    expect(refusal(hostile)).toMatch(/threw an exception/);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(refusal({ ...base, mm: proxy })).toMatch(/threw an exception/);
  });

  it('never runs a getter, toJSON or a proxy trap after the copy', () => {
    let reads = 0;
    const getter = Object.defineProperty({ ...base }, 'design', { enumerable: true, get: () => `kmap-seq${reads++}` });
    expect(refusal(getter)).toBe('design: a getter or setter, not a data value.');
    expect(reads).toBe(0);
    const withToJson = {
      ...base,
      toJSON: () => {
        throw new Error('toJSON ran');
      },
    };
    expect(refusal(withToJson)).toBe('toJSON: a function is not JSON data.');
  });

  it('refuses BigInt, cycles, class instances and symbols', () => {
    expect(refusal({ ...base, rounds: 2n })).toBe('rounds: a BigInt is not JSON data.');
    const cyclic: Record<string, unknown> = { ...base };
    cyclic.format = cyclic;
    expect(refusal(cyclic)).toBe('format: the value contains itself (a cycle).');
    expect(refusal({ ...base, story: new Date(0) })).toMatch(/^story: not a plain object or list/);
    expect(refusal({ ...base, [Symbol('s')]: 1 })).toMatch(/symbol-named property/);
    expect(refusal({ ...base, rounds: Number.NaN })).toBe('rounds: NaN is not a JSON number.');
  });

  it('checks every expect.hazards and expect.warnings entry', () => {
    expect(refusal({ ...base, expect: { hazards: ['use-after-fre'] } })).toMatch(
      /^expect\.hazards\[0\]: got "use-after-fre"; allowed values: "use-after-free", /,
    );
    expect(refusal({ ...base, expect: { warnings: ['rcu-latency', 'rcu-latency'] } })).toBe(
      'expect.warnings: an entry is listed twice.',
    );
    expect(refusal({ ...base, expect: { hazard: [] } })).toMatch(/^expect: unknown field "hazard"/);
    expect(refusal({ ...base, expect: 'all' })).toMatch(/^expect: got "all"; expected an object/);
  });

  it('caps the number of errors, however many fields are wrong', () => {
    const mm = Array(4).fill({ kind: 'x', target: 'y', when: 1 });
    const result = validateScenario({ format: 2, design: 'x', rounds: 0, bugs: ['a', 'b', 'c'], mm });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.at(-1)).toMatch(/^…and \d+ more errors\.$/);
  });
});
