import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATE_PARTS } from '../../ops/footprints';
import { ampleCandidates, type DependencyTable, persistentThreads, type ThreadsView } from './por';

/** The candidates as docs/partial-order.md states them, from `persistentThreads` (the readable fixpoint). */
function referenceCandidates(table: DependencyTable, view: ThreadsView, enabled: readonly number[]): number[][] {
  const all = enabled.reduce((m, t) => m | (1 << t), 0);
  const masks: number[] = [];
  for (const t of enabled) {
    const ample = persistentThreads(table, view, t) & all;
    if (ample !== all && !masks.includes(ample)) masks.push(ample);
  }
  const size = (m: number) => enabled.filter((t) => m & (1 << t)).length;
  // Array.prototype.sort is stable: equal sizes keep the order of their first thread.
  return masks
    .sort((a, b) => size(a) - size(b))
    .map((m) => Array.from({ length: 32 }, (_, t) => t).filter((t) => m & (1 << t)));
}

const PART_MASK = (1 << STATE_PARTS.length) - 1;
const masksOf = (n: number) => fc.array(fc.integer({ min: 0, max: PART_MASK }), { minLength: n, maxLength: n });
const PCS = 4;

/** Random threads: per thread, masks at each of `PCS` pcs, a pc (one past the end: finished), done, own frames. */
const threadsArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    threads: fc.array(
      fc.record({
        stepReads: masksOf(PCS),
        stepWrites: masksOf(PCS),
        futureReads: masksOf(PCS),
        futureWrites: masksOf(PCS),
        pc: fc.integer({ min: 0, max: PCS }),
        done: fc.boolean(),
        ownFrames: fc.boolean(),
        enabled: fc.boolean(),
      }),
      { minLength: n, maxLength: n },
    ),
  }),
);

describe('ampleCandidates', () => {
  it('equals the candidates grown thread by thread with persistentThreads (the first alone too), on random tables', () => {
    fc.assert(
      fc.property(threadsArb, ({ threads }) => {
        const table: DependencyTable = {
          stepReads: threads.map((t) => Int32Array.from(t.stepReads)),
          stepWrites: threads.map((t) => Int32Array.from(t.stepWrites)),
          futureReads: threads.map((t) => Int32Array.from(t.futureReads)),
          futureWrites: threads.map((t) => Int32Array.from(t.futureWrites)),
        };
        const asked: number[] = [];
        const view: ThreadsView = {
          length: threads.length,
          pc: (t) => threads[t]?.pc ?? 0,
          done: (t) => threads[t]?.done ?? true,
          ownFrames: (t) => {
            asked.push(t);
            return threads[t]?.ownFrames ?? false;
          },
        };
        const enabled = threads.flatMap((t, i) => (t.enabled && !t.done ? [i] : []));
        const got = ampleCandidates(table, view, enabled).map((c) => [...c]);
        const expected = referenceCandidates(table, view, enabled);
        expect(got).toEqual(expected);
        // What a chain asks: the same first candidate.
        expect(ampleCandidates(table, view, enabled, true)[0]).toEqual(expected[0]);
      }),
      { numRuns: 2_000 },
    );
  });
});
