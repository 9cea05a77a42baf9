import { describe, expect, it, vi } from 'vitest';
import type { ExploreResult } from '../core/explore/machine';
import type { SimClient } from '../worker/client';
import type { ExploreCall } from '../worker/explore-client';
import { type MatrixCellRun, matrixCells, runMatrix } from './matrix-run';

const clean = { status: 'complete', complete: true, states: 3, findings: [] } as unknown as ExploreResult;

function fakeClient() {
  const calls: ExploreCall[] = [];
  const cancel = vi.fn();
  const explore = vi.fn((call: ExploreCall) => {
    calls.push(call);
    return { result: Promise.resolve(clean), cancel };
  });
  return { client: { explore } as unknown as SimClient, calls, cancel };
}

describe('runMatrix', () => {
  it('explores every valid cell once, in the worker, and reports the combinations the validator rejects', async () => {
    const { client, calls } = fakeClient();
    const cells: MatrixCellRun[] = [];
    const run = runMatrix(client, { maxStatesPerCell: 1000, onCell: (cell) => cells.push(cell) });
    expect(await run.finished).toBe(true);
    expect(cells).toHaveLength(matrixCells().length);
    const rejected = cells.filter((cell) => cell.scenario === null);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((cell) => cell.reason.length > 0)).toBe(true);
    expect(calls).toHaveLength(cells.length - rejected.length);
    expect(calls.every((call) => call.maxStates === 1000)).toBe(true);
  });

  it('stops after the cell in flight when cancelled, and cancels that exploration', async () => {
    const { client, cancel } = fakeClient();
    const cells: MatrixCellRun[] = [];
    const run = runMatrix(client, {
      maxStatesPerCell: 1000,
      onCell: (cell, done) => {
        cells.push(cell);
        if (done === 3) run.cancel();
      },
    });
    expect(await run.finished).toBe(false);
    expect(cells).toHaveLength(3);
    expect(cancel).toHaveBeenCalled();
  });
});
