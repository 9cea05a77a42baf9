import { describe, expect, it } from 'vitest';
import { exploreMatrix } from '../../src/core/explore/matrix/matrix';
import { exploreMatrixPooled } from './matrix-pool';

// Two full matrices per test: a loaded 2-core host may need minutes.
describe('the matrix on a pool of worker threads', { timeout: 300_000 }, () => {
  it('equals the single-threaded matrix cell by cell, liveness included, whatever the number of lanes', async () => {
    const single = exploreMatrix();
    // Three lanes on a 2-core machine: cells finish out of order, yet come back in the single-threaded order.
    const { matrix, workers } = await exploreMatrixPooled({}, 3);
    expect(workers).toBe(3);
    expect(matrix.cells).toHaveLength(single.cells.length);
    for (const [i, cell] of matrix.cells.entries()) expect(cell).toEqual(single.cells[i]);
    expect(matrix.states).toBe(single.states);
    expect(matrix.complete).toBe(single.complete);
  });

  it('equals it without the reduction too, with the bound passed to every cell', async () => {
    const bounds = { por: false, liveness: false, maxStates: 2000 };
    const single = exploreMatrix(bounds);
    const { matrix } = await exploreMatrixPooled(bounds, 2);
    expect(matrix.cells).toEqual(single.cells);
    expect(matrix.cells.some((c) => !c.complete)).toBe(true);
  });
});
