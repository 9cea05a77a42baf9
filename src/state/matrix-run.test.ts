import { describe, expect, it, vi } from 'vitest';
import type { ExploreResult } from '../core/explore/engine/machine';
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
    // The liveness pass walks each cell’s full graph anyway: the safety search rides along, without the reduction.
    expect(calls.every((call) => call.por === false && call.onePass === true)).toBe(true);
  });

  it('cancels the exploration in flight on every lane and reports no cell after the cancel', async () => {
    const lanes = [stuckClient(), stuckClient()];
    const cells: MatrixCellRun[] = [];
    const run = runMatrix(
      lanes.map((l) => l.client),
      { maxStatesPerCell: 1000, onCell: (cell) => cells.push(cell) },
    );
    await vi.waitFor(() => expect(lanes.every((l) => l.client.explore.mock.calls.length === 1)).toBe(true));
    run.cancel();
    expect(await run.finished).toBe(false);
    for (const lane of lanes) expect(lane.cancel).toHaveBeenCalledOnce();
    expect(cells).toHaveLength(0);
  });
});

/** A client whose explorations answer only when cancelled. */
function stuckClient() {
  const cancel = vi.fn();
  const explore = vi.fn((_: ExploreCall) => {
    let settle: (result: ExploreResult) => void = () => {};
    const result = new Promise<ExploreResult>((resolve) => {
      settle = resolve;
    });
    const stop = () => {
      cancel();
      settle({ ...clean, status: 'cancelled', complete: false } as ExploreResult);
    };
    return { result, cancel: stop };
  });
  return { client: { explore }, cancel };
}

/** A client whose explorations answer a few milliseconds later, with the cell's id as its state count. */
function slowClient() {
  const calls: ExploreCall[] = [];
  const cancel = vi.fn();
  const explore = vi.fn((call: ExploreCall) => {
    calls.push(call);
    const states = call.scenario.id.length + call.scenario.startRegion;
    const result = new Promise<ExploreResult>((resolve) =>
      setTimeout(() => resolve({ ...clean, states } as ExploreResult), (states * 7) % 4),
    );
    return { result, cancel };
  });
  return { client: { explore } as unknown as SimClient, calls, cancel };
}

describe('runMatrix on a pool of workers', () => {
  it('uses every lane and reports the same cells, in the same order, as one lane', async () => {
    const run = async (lanes: ReturnType<typeof slowClient>[]) => {
      const cells: [MatrixCellRun, number][] = [];
      const matrix = runMatrix(
        lanes.map((l) => l.client),
        { maxStatesPerCell: 1000, onCell: (cell, done) => cells.push([cell, done]) },
      );
      expect(await matrix.finished).toBe(true);
      return cells;
    };
    const pool = [slowClient(), slowClient(), slowClient()];
    const pooled = await run(pool);
    expect(pooled).toEqual(await run([slowClient()]));
    expect(pooled.map(([, done]) => done)).toEqual(matrixCells().map((_, i) => i + 1));
    expect(pool.every((l) => l.calls.length > 0)).toBe(true);
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
