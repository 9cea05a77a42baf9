import { describe, expect, it } from 'vitest';
import { encodedLevel } from './frontier';
import { IntWriter } from './int-writer';

/** An encoding of `n` ints that names its state: the state's number, then its number plus each index. */
function encodingOf(state: number, n: number): IntWriter {
  const w = new IntWriter();
  for (let i = 0; i < n; i++) w.push(state + i);
  return w;
}

const readBack = (buf: Int32Array, start: number, end: number) => Array.from(buf.subarray(start, end));

describe('an encoded frontier level', () => {
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
