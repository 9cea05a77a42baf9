import type { SimClient } from '../../worker/client';
import { createExplorePool, type ExplorePool } from '../../worker/pool';

// One pool per page: started when a person points at or focuses the Matrix button, kept while the panel lives.
let kept: { client: SimClient; pool: ExplorePool } | null = null;

/** The matrix's pool for `client`, started on the first call, so its workers load while the dialog opens. */
export function matrixPool(client: SimClient): ExplorePool {
  if (kept?.client !== client) {
    kept?.pool.close();
    kept = { client, pool: createExplorePool(client) };
  }
  return kept.pool;
}

/** Terminates the pool's own workers (the panel unmounted); the next `matrixPool` call starts fresh ones. */
export function closeMatrixPool(): void {
  kept?.pool.close();
  kept = null;
}
