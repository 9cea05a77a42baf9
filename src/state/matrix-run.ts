import { validateScenario } from '../core';
import type { Counterexample, ExploreProgress, ExploreResult } from '../core/explore/engine/machine';
import {
  type CellLiveness,
  cellLiveness,
  cellScenario,
  cellVariants,
  leastLive,
  matrixSpecs,
} from '../core/explore/matrix/matrix';
import { runInOrder } from '../core/explore/matrix/ordered-pool';
import type { BugSwitch, DesignId, MmEventKind, Scenario } from '../core/types';
import type { SimClient } from '../worker/client';
import { nextMessage } from '../worker/pauses';

/** One design × mm event (× bug switch) cell, explored in the simulation's worker. */
export interface MatrixCellRun {
  design: DesignId;
  event: MmEventKind;
  bug: BugSwitch | null;
  /** Null when the validator rejects the combination (`reason` says why). */
  scenario: Scenario | null;
  reason: string;
  complete: boolean;
  states: number;
  /** The shortest counterexample per finding kind, with the variant of the cell's scenario it replays on. */
  findings: CellFinding[];
  /** Liveness verdicts of the least live variant, when the worker ran its liveness pass after the safety search. */
  liveness: CellLiveness | null;
  /** The variant whose lasso `liveness` shows. */
  livenessScenario: Scenario | null;
}

export type CellFinding = Counterexample & { scenario: Scenario };

/** The shortest counterexample of each kind over all variants of a cell. */
function shortestPerKind(findings: CellFinding[]): CellFinding[] {
  const best = new Map<string, CellFinding>();
  for (const f of findings) {
    const seen = best.get(f.kind);
    if (!seen || f.schedule.length < seen.schedule.length) best.set(f.kind, f);
  }
  return [...best.values()];
}

export interface MatrixRunOptions {
  maxStatesPerCell: number;
  onCell: (cell: MatrixCellRun, done: number, total: number) => void;
  onProgress?: (progress: ExploreProgress) => void;
}

export interface MatrixRun {
  /** Resolves when every cell is done or the run was cancelled (true when every cell finished). */
  finished: Promise<boolean>;
  cancel: () => void;
}

/**
 * The matrix's safety searches run without partial-order reduction, in one walk with the liveness pass: that pass
 * walks each cell's full graph anyway, and on these small cells the reduction's bookkeeping cost more than the states
 * it saved (docs/performance.md, issue 20 in the browser). Hazard kinds are the same either way (`por.test.ts`).
 */
export const MATRIX_POR = false;

export const matrixCells = matrixSpecs;

/** What a lane of the matrix needs from a simulation client: one exploration at a time. */
export type MatrixLane = Pick<SimClient, 'explore'>;

/**
 * Explores the cells on every lane (each a worker) at once, each variant as one exploration request, so the page
 * only routes messages. Cells are reported in `matrixCells()` order, whichever lane finishes first.
 */
export function runMatrix(
  lanes: MatrixLane | readonly MatrixLane[],
  { maxStatesPerCell, onCell, onProgress }: MatrixRunOptions,
): MatrixRun {
  let cancelled = false;
  const running = new Set<() => void>();
  const cells = matrixCells();
  const exploreOne = async (client: MatrixLane, scenario: Scenario): Promise<ExploreResult> => {
    const run = client.explore({
      scenario,
      maxStates: maxStatesPerCell,
      por: MATRIX_POR,
      onePass: true,
      onProgress: (p) => onProgress?.(p),
    });
    running.add(run.cancel);
    try {
      return await run.result;
    } finally {
      running.delete(run.cancel);
    }
  };
  const explore = async (
    client: MatrixLane,
    design: DesignId,
    event: MmEventKind,
    bug: BugSwitch | null,
  ): Promise<MatrixCellRun> => {
    const valid = validateScenario(cellScenario(design, event, bug));
    const base = { design, event, bug, reason: '', complete: true, states: 0, findings: [], liveness: null };
    if (!valid.ok) return { ...base, scenario: null, livenessScenario: null, reason: valid.errors.join(' ') };
    // The same variants as the command line's matrix: the ring moving both ways, reclaim of every kind of memory.
    const variants = cellVariants(valid.scenario, event);
    const results: ExploreResult[] = [];
    for (const variant of variants) {
      if (cancelled) break;
      results.push(await exploreOne(client, variant));
    }
    const findings = shortestPerKind(
      results.flatMap((r, i) => r.findings.map((f) => ({ ...f, scenario: variants[i] as Scenario }))),
    );
    const worst = leastLive(results);
    const live = results[worst]?.liveness;
    return {
      ...base,
      scenario: valid.scenario,
      complete: results.length === variants.length && results.every((r) => r.complete),
      states: results.reduce((n, r) => n + r.states, 0),
      findings,
      liveness: live ? cellLiveness(live.noFairness, live.weakFairness) : null,
      livenessScenario: live ? (variants[worst] as Scenario) : null,
    };
  };
  const laneOf =
    (client: MatrixLane) =>
    async ({ design, event, bug }: (typeof cells)[number]): Promise<MatrixCellRun> => {
      // One cell per task: the page handles input and paints between cells, even for cells with nothing to explore.
      await nextMessage();
      return explore(client, design, event, bug);
    };
  const finished = (async () => {
    const all = Array.isArray(lanes) ? (lanes as readonly MatrixLane[]) : [lanes as MatrixLane];
    // Cells held back behind a slower one arrive together: each is still handed to the page in a task of its own.
    let delivered = Promise.resolve();
    const deliver = (cell: MatrixCellRun, i: number) => {
      delivered = delivered.then(nextMessage).then(() => {
        if (!cancelled) onCell(cell, i + 1, cells.length);
      });
    };
    await runInOrder(cells, all.map(laneOf), { stopped: () => cancelled, onResult: deliver });
    await delivered;
    return !cancelled;
  })();
  return {
    finished,
    cancel: () => {
      cancelled = true;
      for (const cancel of [...running]) cancel();
    },
  };
}
