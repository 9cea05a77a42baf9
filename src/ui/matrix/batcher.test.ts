import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS, batcher } from './batcher';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('batcher', () => {
  it('hands over everything that arrived within one interval together, in arrival order', () => {
    const deliveries: number[][] = [];
    const batch = batcher<number>((items) => deliveries.push(items));
    batch.add(1);
    batch.add(2);
    batch.add(3);
    expect(deliveries).toEqual([]);
    vi.advanceTimersByTime(BATCH_MS);
    batch.add(4);
    vi.advanceTimersByTime(BATCH_MS);
    expect(deliveries).toEqual([[1, 2, 3], [4]]);
  });

  it('flushes at once when the run ends, and never delivers an empty batch', () => {
    const deliver = vi.fn();
    const batch = batcher<string>(deliver);
    batch.flush();
    expect(deliver).not.toHaveBeenCalled();
    batch.add('a');
    batch.flush();
    expect(deliver).toHaveBeenCalledWith(['a']);
    vi.advanceTimersByTime(BATCH_MS * 3);
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it('drops what arrived when the run is replaced', () => {
    const deliver = vi.fn();
    const batch = batcher<string>(deliver);
    batch.add('old');
    batch.drop();
    vi.advanceTimersByTime(BATCH_MS * 3);
    batch.flush();
    expect(deliver).not.toHaveBeenCalled();
  });
});
