import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkPool, encodedLevel } from './frontier';
import { IntWriter } from './int-writer';

/** A decode that returns the encoding itself and the depth it was asked for. */
const copyOut = (buf: Int32Array, start: number, end: number, depth: number) => ({
  words: Array.from(buf.subarray(start, end)),
  depth,
});

/** What `push` is handed as the live state: an encoded level keeps only the encoding. */
const unused = { words: [], depth: -1 };

/** Bytes of one arena chunk (frontier.ts). */
const CHUNK_BYTES = 4 * 4096;

const encodings = fc.array(fc.array(fc.integer(), { minLength: 1, maxLength: 3_000 }), { maxLength: 120 });

describe('encodedLevel', () => {
  it('gives back every pushed encoding and id, across chunks and after a clear', () => {
    fc.assert(
      fc.property(encodings, encodings, (first, second) => {
        const level = encodedLevel(copyOut);
        const w = new IntWriter();
        for (const round of [first, second]) {
          level.clear();
          round.forEach((words, id) => {
            w.reset();
            for (const v of words) w.push(v);
            level.push(unused, w, id * 3);
          });
          expect(level.size).toBe(round.length);
          round.forEach((words, i) => {
            expect(level.state(i, 7)).toEqual({ words, depth: 7 });
            expect(level.id(i)).toBe(i * 3);
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('counts the bytes it holds, and refuses an encoding longer than its 16-bit length field', () => {
    const level = encodedLevel(copyOut);
    const w = new IntWriter();
    const empty = level.bytes;
    for (let i = 0; i < 70_000; i++) {
      w.reset();
      w.push(i);
      level.push(unused, w, i);
    }
    expect(level.bytes).toBeGreaterThan(empty + 70_000 * 4);
    expect(level.state(69_999, 0).words).toEqual([69_999]);
    w.reset();
    w.ensure(0x10000);
    w.len = 0x10000;
    expect(() => level.push(unused, w, 0)).toThrow(RangeError);
  });
});

/** An encoding of `n` ints that names its state: the state's number, then its number plus each index. */
function encodingOf(state: number, n: number): IntWriter {
  const w = new IntWriter();
  for (let i = 0; i < n; i++) w.push(state + i);
  return w;
}

const readBack = (buf: Int32Array, start: number, end: number) => Array.from(buf.subarray(start, end));

describe('encodedLevel, by hand', () => {
  it('gives back every encoding it was given, in order, across many chunks', () => {
    const level = encodedLevel(readBack);
    const lengths = Array.from({ length: 3000 }, (_, i) => 1 + ((i * 37) % 90));
    lengths.forEach((n, i) => {
      level.push(null as never, encodingOf(i, n), i * 2);
    });
    lengths.forEach((n, i) => {
      expect(level.state(i, 0)).toEqual(Array.from(encodingOf(i, n).buf.subarray(0, n)));
      expect(level.id(i)).toBe(i * 2);
    });
  });

  it('keeps short encodings apart after a long one was kept and the level was cleared for reuse', () => {
    const level = encodedLevel(readBack);
    level.push(null as never, encodingOf(1, 10), 0);
    level.push(null as never, encodingOf(2, 20_000), 1);
    level.clear();
    const count = 400;
    for (let i = 0; i < count; i++) level.push(null as never, encodingOf(i, 100), i);
    for (let i = 0; i < count; i++) expect(level.state(i, 0)).toEqual(readBack(encodingOf(i, 100).buf, 0, 100));
  });
});

describe('encodedLevel with a chunk pool', () => {
  it("reuses a released level's chunks for the next level, and its encodings come back whole over stale contents", () => {
    fc.assert(
      fc.property(encodings, encodings, (first, second) => {
        const pool = new ChunkPool();
        const w = new IntWriter();
        const fill = (round: number[][]) => {
          const level = encodedLevel(copyOut, pool);
          round.forEach((words, id) => {
            w.reset();
            for (const v of words) w.push(v);
            level.push(unused, w, id);
          });
          round.forEach((words, i) => {
            expect(level.state(i, 1)).toEqual({ words, depth: 1 });
          });
          return level;
        };
        const a = fill(first);
        const held = a.bytes;
        a.release?.();
        const spare = pool.bytes;
        // Every chunk but a longer one kept for one long encoding goes back to the pool.
        expect(spare).toBeGreaterThan(0);
        expect(spare).toBeLessThanOrEqual(held);
        fill(second);
        // The next level takes a spare chunk before it allocates one (its first, at least, when it is made).
        expect(pool.bytes).toBeLessThanOrEqual(Math.max(0, spare - CHUNK_BYTES));
      }),
      { numRuns: 40 },
    );
  });
});
