import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { IntWriter } from '../explore/engine/int-writer';
import { replay } from '../index';
import type { State } from '../types';
import { compileSchema } from './codec';
import { bitsFor, bool, enumOf, int, list, record } from './fields';
import { cloneState, decodeState, encodeState, STATE_MAX_WORDS } from './state-codec';

const future = (s: State) => ({ ...s, counters: undefined, findings: undefined });

describe('packed encoding', () => {
  it('reads back every field written, whatever the widths and word boundaries', () => {
    const field = fc
      .integer({ min: 0, max: 31 })
      .chain((bits) => fc.record({ bits: fc.constant(bits), value: fc.integer({ min: 0, max: 2 ** bits - 1 }) }));
    fc.assert(
      fc.property(fc.array(field, { maxLength: 40 }), (fields) => {
        const schema = Object.fromEntries(fields.map((f, i) => [`f${i}`, int(0, 2 ** f.bits - 1)]));
        const codec = compileSchema<Record<string, number>, null>(record<Record<string, number>>(schema));
        const value = Object.fromEntries(fields.map((f, i) => [`f${i}`, f.value]));
        const buf = new Int32Array(codec.maxWords + 3);
        const end = codec.encode(value, buf, 3);
        expect(end - 3).toBe(Math.ceil(fields.reduce((n, f) => n + f.bits, 0) / 32));
        expect(end - 3).toBe(codec.maxWords);
        expect(codec.decode(buf, 3, end, 0, null)).toEqual(value);
      }),
      { numRuns: 60 },
    );
  });

  it('sizes an int by its range', () => {
    expect([bitsFor(0, 0), bitsFor(0, 1), bitsFor(-1, 6), bitsFor(-1, 7), bitsFor(0, 255)]).toEqual([0, 1, 3, 4, 8]);
  });
});

describe('a compiled schema', () => {
  interface Toy {
    n: number;
    on: boolean;
    size: 'a' | 'b' | 'c';
    items: { x: number }[];
  }
  const toy = compileSchema<Toy, null>(
    record<Toy>({
      n: int(-3, 4),
      on: bool,
      size: enumOf<Toy['size']>({ a: true, b: true, c: true }),
      items: list(3, record<{ x: number }>({ x: int(0, 9) })),
    }),
  );

  it('refuses a value outside its bounds instead of merging two states', () => {
    const buf = new Int32Array(toy.maxWords);
    expect(() => toy.encode({ n: 5, on: true, size: 'a', items: [] }, buf, 0)).toThrow(RangeError);
    expect(() =>
      toy.encode({ n: 0, on: true, size: 'a', items: [{ x: 1 }, { x: 1 }, { x: 1 }, { x: 1 }] }, buf, 0),
    ).toThrow(RangeError);
    expect(() => toy.encode({ n: 0, on: true, size: 'd' as Toy['size'], items: [] }, buf, 0)).toThrow(RangeError);
  });

  it('decodes into a reused value, shrinking and growing its lists', () => {
    const buf = new Int32Array(toy.maxWords);
    const target: Toy = { n: 1, on: false, size: 'c', items: [{ x: 1 }, { x: 2 }, { x: 3 }] };
    const first = target.items[0];
    const end = toy.encode({ n: -3, on: true, size: 'b', items: [{ x: 9 }] }, buf, 0);
    const back = toy.decode(buf, 0, end, 0, null, target);
    expect(back).toBe(target);
    expect(back).toEqual({ n: -3, on: true, size: 'b', items: [{ x: 9 }] });
    expect(back.items[0]).toBe(first);
  });
});

describe('the state codec', () => {
  it('decodes every story state back, into a fresh object or a reused one, minus history', () => {
    const w = new IntWriter(4);
    let reused: State | undefined;
    for (const scenario of builtinScenarios) {
      const { states } = replay(scenario, scenario.story);
      states.forEach((s, depth) => {
        w.reset();
        encodeState(s, w);
        expect(w.len).toBeLessThanOrEqual(STATE_MAX_WORDS);
        const fresh = decodeState(scenario, w.buf, 0, w.len, depth);
        expect(future(fresh)).toEqual(future(s));
        reused = decodeState(scenario, w.buf, 0, w.len, depth, reused);
        expect(future(reused)).toEqual(future(s));
      });
    }
  });

  it('clones deeply: mutating the clone leaves the original as it was', () => {
    for (const scenario of builtinScenarios) {
      const s = replay(scenario, scenario.story).states.at(-1) as State;
      const before = JSON.stringify(s);
      const copy = cloneState(s);
      expect(copy).toEqual(s);
      for (const f of copy.frames) f.refcount += 7;
      copy.vhost.ptr.push(3);
      copy.counters.locks += 1;
      expect(JSON.stringify(s)).toBe(before);
      expect(copy.scenario).toBe(s.scenario);
    }
  });
});
