import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInOrder } from './ordered-pool';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runInOrder', () => {
  it('returns and reports results in item order, whatever the lanes and their finishing order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async (delays, laneCount) => {
          const ran: string[] = [];
          const lanes = Array.from({ length: laneCount }, (_, lane) => async (delay: number, index: number) => {
            await later(delay);
            ran.push(`${lane}:${index}`);
            return index * 10;
          });
          const reported: number[] = [];
          const results = await runInOrder(delays, lanes, { onResult: (r, i) => reported.push(r, i) });
          expect(results).toEqual(delays.map((_, i) => i * 10));
          expect(reported).toEqual(delays.flatMap((_, i) => [i * 10, i]));
          expect(ran).toHaveLength(delays.length);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('hands items out in the dispatch order but reports them in item order', async () => {
    const started: number[] = [];
    const reported: number[] = [];
    const lane = async (item: string, index: number) => {
      started.push(index);
      return item;
    };
    const results = await runInOrder(['a', 'b', 'c'], [lane], {
      dispatch: [2, 0, 1],
      onResult: (_, i) => reported.push(i),
    });
    expect(started).toEqual([2, 0, 1]);
    expect(reported).toEqual([0, 1, 2]);
    expect(results).toEqual(['a', 'b', 'c']);
  });

  it('starts no further item once stopped, and leaves the items never run undefined', async () => {
    let stop = false;
    const lane = async (item: number) => {
      if (item === 2) stop = true;
      return item;
    };
    const results = await runInOrder([1, 2, 3, 4], [lane], { stopped: () => stop });
    expect(results).toEqual([1, 2, undefined, undefined]);
  });

  it('rejects with a lane failure and starts nothing after it', async () => {
    const started: number[] = [];
    const lane = async (item: number) => {
      started.push(item);
      if (item === 2) throw new Error('cell 2 failed');
      return item;
    };
    await expect(runInOrder([1, 2, 3], [lane], {})).rejects.toThrow('cell 2 failed');
    expect(started).toEqual([1, 2]);
  });
});
