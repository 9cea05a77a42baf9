import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATE_PARTS } from '../../ops/footprints';
import { CandidateCache } from './candidate-cache';
import { ampleCandidates, type DependencyTable, type ThreadsView } from './por';

const PART_MASK = (1 << STATE_PARTS.length) - 1;
const PCS = 4;
const masksOf = (n: number) => fc.array(fc.integer({ min: 0, max: PART_MASK }), { minLength: n, maxLength: n });

/** A random table (masks at `PCS` pcs per thread, which of them are own-frame ops) and moments of a search on it. */
const searchArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    table: fc.array(
      fc.record({
        stepReads: masksOf(PCS),
        stepWrites: masksOf(PCS),
        futureReads: masksOf(PCS),
        futureWrites: masksOf(PCS),
        ownFrameOp: fc.array(fc.boolean(), { minLength: PCS, maxLength: PCS }),
      }),
      { minLength: n, maxLength: n },
    ),
    moments: fc.array(
      fc.array(
        fc.record({
          pc: fc.integer({ min: 0, max: PCS }),
          done: fc.boolean(),
          framesPrivate: fc.boolean(),
          enabled: fc.boolean(),
        }),
        { minLength: n, maxLength: n },
      ),
      { minLength: 1, maxLength: 12 },
    ),
  }),
);

describe('CandidateCache', () => {
  it('gives what ampleCandidates grows, for tuples met again with other own-frame answers and done flags too', () => {
    fc.assert(
      fc.property(searchArb, ({ table: threads, moments }) => {
        const table: DependencyTable = {
          stepReads: threads.map((t) => Int32Array.from(t.stepReads)),
          stepWrites: threads.map((t) => Int32Array.from(t.stepWrites)),
          futureReads: threads.map((t) => Int32Array.from(t.futureReads)),
          futureWrites: threads.map((t) => Int32Array.from(t.futureWrites)),
        };
        const ownFrameAt = (t: number, pc: number) => threads[t]?.ownFrameOp[pc] ?? false;
        const cache = new CandidateCache(
          table,
          threads.map(() => PCS),
          ownFrameAt,
        );
        // Three times through the moments: as drawn, with every own-frame answer flipped, and with the done flag of
        // every thread not enabled flipped (the same pcs again, with other answers the candidates depend on).
        for (const pass of ['drawn', 'own frames flipped', 'done flipped'] as const) {
          for (const drawn of moments) {
            const moment = drawn.map((m) => ({
              ...m,
              framesPrivate: m.framesPrivate !== (pass === 'own frames flipped'),
              done: pass === 'done flipped' && !(m.enabled && !m.done) ? !m.done : m.done,
            }));
            const view: ThreadsView = {
              length: moment.length,
              pc: (t) => moment[t]?.pc ?? 0,
              done: (t) => moment[t]?.done ?? true,
              ownFrames: (t) => ownFrameAt(t, moment[t]?.pc ?? -1) && (moment[t]?.framesPrivate ?? false),
            };
            const enabled = drawn.flatMap((t, i) => (t.enabled && !t.done ? [i] : []));
            const expected = ampleCandidates(table, view, enabled).map((c) => [...c]);
            expect(cache.candidates(view, enabled).map((c) => [...c])).toEqual(expected);
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
