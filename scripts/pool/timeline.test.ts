import { describe, expect, it } from 'vitest';
import { MatrixTimeline } from './timeline';

describe('the cold matrix timeline', () => {
  it('sums each lane’s cells and names its first and last, main thread first', () => {
    const timeline = new MatrixTimeline();
    timeline.cell(1, 140, 300, 420);
    timeline.cell(0, 60, 61, 200);
    timeline.cell(1, 140, 141, 300);
    timeline.cell(0, 60, 200, 230);
    expect(timeline.lines()).toEqual([
      'lane 0 (main thread): code loaded 60, first cell 61-200, 2 cells busy 169, last cell ends 230',
      'lane 1 (worker): code loaded 140, first cell 141-300, 2 cells busy 279, last cell ends 420',
    ]);
  });
});
