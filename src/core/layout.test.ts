import { describe, expect, it } from 'vitest';
import { ringLayout } from './layout';

describe('ringLayout', () => {
  it('gives the split-ring sizes of a 256-entry ring: about three 4K pages', () => {
    const layout = ringLayout(256);
    expect(layout.areas.map((a) => [a.area, a.bytes, a.pages])).toEqual([
      ['desc', 4096, [0]],
      ['avail', 518, [1]],
      ['used', 2054, [2]],
    ]);
    expect(layout.totalBytes).toBe(10246);
    expect(layout.pages).toBe(3);
  });

  it('lets larger rings span more pages, the used ring starting on a page boundary', () => {
    const layout = ringLayout(1024);
    expect(layout.areas[0]?.pages).toEqual([0, 1, 2, 3]);
    expect(layout.areas[2]?.offset).toBe(5 * 4096);
    expect(layout.areas[2]?.pages).toEqual([5, 6, 7]);
  });
});
