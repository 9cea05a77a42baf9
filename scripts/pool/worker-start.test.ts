import { describe, expect, it } from 'vitest';
import { laneCount, startWorkersEarly, takeWorkers } from './worker-start';

describe('worker threads started early', () => {
  it('sizes a pool to the lanes asked for, at least one and at most one per cell', () => {
    expect(laneCount(2, 286)).toBe(2);
    expect(laneCount(0, 286)).toBe(1);
    expect(laneCount(8, 3)).toBe(3);
  });

  it('hands the threads started early to the first pool, in the order started, then starts new ones', async () => {
    startWorkersEarly(3, 10);
    const first = takeWorkers(1);
    const rest = takeWorkers(2);
    const again = takeWorkers(1);
    try {
      expect(first).toHaveLength(1);
      expect(rest).toHaveLength(2);
      expect(again).toHaveLength(1);
      expect(new Set([...first, ...rest, ...again]).size).toBe(4);
      // Two were started early (3 lanes: this thread and two workers); the third of `rest` and `again` are new.
      expect(first[0]?.threadId).toBeLessThan(rest[0]?.threadId ?? 0);
      expect(rest[0]?.threadId).toBeLessThan(rest[1]?.threadId ?? 0);
    } finally {
      await Promise.all([...first, ...rest, ...again].map((w) => w.terminate()));
    }
  });
});
