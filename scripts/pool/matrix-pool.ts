import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { largestFirst } from '../../src/core/explore/matrix/dispatch';
import {
  assembleMatrix,
  type CellSpec,
  exploreCell,
  type Matrix,
  type MatrixCell,
  matrixSpecs,
} from '../../src/core/explore/matrix/matrix';
import { type Lane, runInOrder } from '../../src/core/explore/matrix/ordered-pool';
import type { CellBounds, CellReply, CellRequest } from './cell-protocol';
import { type MatrixTimeline, sinceProcessStart } from './timeline';
import { laneCount, takeWorkers } from './worker-start';

/** The matrix and how many lanes computed it (this thread and `workers - 1` worker threads). */
export interface PooledMatrix {
  matrix: Matrix;
  workers: number;
}

/** One worker thread as a lane: one cell at a time, its answer matched by index. */
function workerLane(
  worker: Worker,
  bounds: CellBounds,
  lane: number,
  timeline?: MatrixTimeline,
): Lane<CellSpec, MatrixCell> {
  return (spec, index) =>
    new Promise((resolve, reject) => {
      const onMessage = (reply: CellReply) => {
        if (reply.index !== index) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        if ('cell' in reply) {
          const { loaded, start, end } = reply.timing;
          timeline?.cell(lane, sinceProcessStart(loaded), sinceProcessStart(start), sinceProcessStart(end));
          resolve(reply.cell);
        } else reject(new Error(`matrix cell ${index}: ${reply.error}`));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage({ index, spec, bounds } satisfies CellRequest);
    });
}

/** This thread as a lane: it yields to the event loop before each cell, so the workers' answers are taken in time. */
const localLane =
  (bounds: CellBounds, timeline?: MatrixTimeline, loaded = 0): Lane<CellSpec, MatrixCell> =>
  async ({ design, event, bug }) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const start = performance.now();
    const cell = exploreCell(design, event, bug, bounds);
    timeline?.cell(0, loaded, start, performance.now());
    return cell;
  };

/**
 * Cells in flight per worker: its next cells wait in its queue while this thread is busy with a cell of its own
 * (with 2, the timeline showed the worker idle 8-10% of a cold matrix, waiting; with 4, 2-3%).
 */
const CELLS_IN_FLIGHT_PER_WORKER = 4;

/** A pool sized to the cores: this thread plus one worker thread per further core, kept until `close`. */
export interface MatrixPool {
  /** How many lanes compute cells (this thread included). */
  readonly workers: number;
  /**
   * The matrix: each lane takes the next cell (largest first) as soon as it is free, and the cells come back in
   * `matrixSpecs()` order, so the matrix equals `exploreMatrix`'s whatever the scheduling. With `timeline`, each
   * lane's cells are recorded in it.
   */
  explore(bounds: CellBounds, timeline?: MatrixTimeline): Promise<Matrix>;
  close(): Promise<void>;
}

export function createMatrixPool(workers = availableParallelism()): MatrixPool {
  const createdAt = performance.now();
  const lanes = laneCount(workers, matrixSpecs().length);
  const threads = takeWorkers(lanes - 1);
  return {
    workers: lanes,
    async explore(bounds, timeline) {
      const started = performance.now();
      const perWorker = (worker: Worker, i: number) =>
        Array.from({ length: CELLS_IN_FLIGHT_PER_WORKER }, () => workerLane(worker, bounds, i + 1, timeline));
      const lanesFor = [localLane(bounds, timeline, createdAt), ...threads.flatMap(perWorker)];
      const specs = matrixSpecs();
      const cells = await runInOrder(specs, lanesFor, { dispatch: largestFirst(specs) });
      return assembleMatrix(cells as MatrixCell[], started);
    },
    async close() {
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}

/** One matrix on a fresh pool, closed afterwards. */
export async function exploreMatrixPooled(bounds: CellBounds, workers?: number): Promise<PooledMatrix> {
  const pool = createMatrixPool(workers);
  try {
    return { matrix: await pool.explore(bounds), workers: pool.workers };
  } finally {
    await pool.close();
  }
}
