import type { CellSpec, MatrixCell } from '../../src/core/explore/matrix/matrix';

/** The plain, cloneable bounds a matrix cell is explored with (no callbacks cross a thread). */
export interface CellBounds {
  maxStates?: number;
  maxStoreBytes?: number;
  por?: boolean;
  liveness?: boolean;
}

export interface CellRequest {
  index: number;
  spec: CellSpec;
  bounds: CellBounds;
}

/** When a worker did a cell: epoch milliseconds (`performance.timeOrigin + performance.now()`) on its own clock. */
export interface CellTiming {
  /** When the worker's code had loaded. */
  loaded: number;
  start: number;
  end: number;
}

export type CellReply = { index: number; cell: MatrixCell; timing: CellTiming } | { index: number; error: string };
