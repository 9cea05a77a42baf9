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

export type CellReply = { index: number; cell: MatrixCell } | { index: number; error: string };
