import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodedLevel } from './frontier';
import { key64 } from './hash64';
import { IntWriter } from './int-writer';
import { LevelRing } from './level-ring';

const decodeFirst = (buf: Int32Array, start: number) => buf[start] as number;

/** Pushes state `value` at `depth`, keyed (value, value + 1) as the search's lookup would leave it in `key64`. */
function pushAt(ring: LevelRing<number>, w: IntWriter, depth: number, value: number, id: number) {
  w.reset();
  w.push(value);
  key64[0] = value;
  key64[1] = value + 1;
  ring.push(depth, value, w, id);
}

function queuedAfter(ring: LevelRing<number>, w: IntWriter, depth: number, value: number): boolean {
  key64[0] = value;
  key64[1] = value + 1;
  return ring.queuedAfter(w, depth);
}

describe('LevelRing', () => {
  it('forgets a level once it is expanded, whether its storage is kept (small) or replaced (grown)', () => {
    // Level sizes per depth, from a few states (kept storage) to thousands (grown past a first level and table).
    const sizes = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 600, max: 3_000 })), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(sizes, (perDepth) => {
        const ring = new LevelRing<number>(3, () => encodedLevel(decodeFirst), true, false);
        const w = new IntWriter();
        let id = 0;
        const valuesAt = (depth: number) =>
          Array.from({ length: perDepth[depth] ?? 0 }, (_, i) => depth * 10_000 + i + 1);
        for (const v of valuesAt(0)) pushAt(ring, w, 0, v, id++);
        for (let depth = 0; depth < perDepth.length; depth++) {
          const level = ring.at(depth);
          ring.begin(depth);
          const expanded = Array.from({ length: level.size }, (_, i) => level.state(i, depth));
          expect(expanded).toEqual(valuesAt(depth));
          for (const v of valuesAt(depth + 1)) pushAt(ring, w, depth + 1, v, id++);
          // A state of this level is no longer deeper than it; the next level's are.
          if (expanded[0] !== undefined) expect(queuedAfter(ring, w, depth, expanded[0])).toBe(false);
          const next = valuesAt(depth + 1)[0];
          if (next !== undefined) expect(queuedAfter(ring, w, depth, next)).toBe(true);
          ring.end(depth);
        }
        expect(ring.size).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});
