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
    // set-vring-addr explores three variants (the third with two vqs) and reclaim three, as the command line does.
    const extra = (c: MatrixCellRun) => (c.event === 'set-vring-addr' ? 2 : c.event === 'reclaim' ? 2 : 0);
    const variants = cells.filter((c) => c.scenario).reduce((n, c) => n + 1 + extra(c), 0);
    expect(calls).toHaveLength(variants);
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

describe('runMatrix variants', () => {
  it('explores the same variants as the command line and keeps the variant each finding replays on', async () => {
    const { client, calls } = fakeClient();
    const cells: MatrixCellRun[] = [];
    const run = runMatrix(client, { maxStatesPerCell: 1000, onCell: (cell) => cells.push(cell) });
    await run.finished;
    const reclaim = calls.filter((c) => c.scenario.id === 'cell-kmap-seq-reclaim');
    expect(reclaim.map((c) => c.scenario.memory)).toEqual(['anonymous', 'shmem', 'file']);
    const moves = calls.filter((c) => c.scenario.id === 'cell-kmap-seq-set-vring-addr');
    expect(moves.map((c) => [c.scenario.startRegion, c.scenario.vqs ?? 1])).toEqual([
      [1, 1],
      [0, 1],
      [0, 2],
    ]);
  });
});
