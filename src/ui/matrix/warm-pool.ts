import { validateScenario } from '../../core';
import { cellScenario, cellVariants } from '../../core/explore/matrix/matrix';
import { MATRIX_POR, matrixCells } from '../../state/matrix-run';
import type { SimClient } from '../../worker/client';
import { createExplorePool, type ExplorePool } from '../../worker/pool';

/** States per warm-up exploration: enough for the workers' engines to be compiled, a few milliseconds of work. */
export const WARM_UP_STATES = 1_500;
/** Cells each worker explores (bounded) before the matrix runs, spread over the designs. */
const WARM_UP_CELLS = 3;

// One pool per page: started when a person points at or focuses the Matrix button, kept while the panel lives.
let kept: { client: SimClient; pool: ExplorePool } | null = null;

/** A few of the matrix's own cell variants, from different designs, to compile the code the matrix runs. */
function warmUpScenarios() {
  const cells = matrixCells();
  const picked = Array.from({ length: WARM_UP_CELLS }, (_, i) => cells[Math.floor((i * cells.length) / WARM_UP_CELLS)]);
  return picked.flatMap((cell) => {
    const valid = cell ? validateScenario(cellScenario(cell.design, cell.event, cell.bug)) : null;
    return valid?.ok && cell ? cellVariants(valid.scenario, cell.event).slice(0, 1) : [];
  });
}

/**
 * Each worker explores a few bounded cells once it has started and the results are dropped: the engine is then
 * compiled by the time Compute is pressed. Never on the page's own thread (a client that fell back to it).
 */
function warmUp(pool: ExplorePool, client: SimClient): void {
  if (client.runsOnMainThread) return;
  const scenarios = warmUpScenarios();
  for (const lane of new Set(pool.lanes))
    for (const scenario of scenarios) {
      const run = lane.explore({
        scenario,
        maxStates: WARM_UP_STATES,
        por: MATRIX_POR,
        onePass: true,
        onProgress: () => {},
      });
      run.result.catch(() => undefined);
    }
}

/** The matrix's pool for `client`: started, and its workers warmed up, on the first call. */
export function matrixPool(client: SimClient): ExplorePool {
  if (kept?.client !== client) {
    kept?.pool.close();
    const pool = createExplorePool(client);
    kept = { client, pool };
    warmUp(pool, client);
  }
  return kept.pool;
}

/** Terminates the pool's own workers (the panel unmounted); the next `matrixPool` call starts fresh ones. */
export function closeMatrixPool(): void {
  kept?.pool.close();
  kept = null;
}
