import { MM_KINDS, validateScenario } from '../core';
import type { Counterexample, ExploreProgress } from '../core/explore/machine';
import { type CellLiveness, cellLiveness, cellScenario, matrixRows } from '../core/explore/matrix';
import type { BugSwitch, DesignId, MmEventKind, Scenario } from '../core/types';
import type { SimClient } from '../worker/client';

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
  /** The shortest counterexample per finding kind. */
  findings: Counterexample[];
  /** Liveness verdicts, when the worker ran its liveness pass after the safety search. */
  liveness: CellLiveness | null;
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

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const matrixCells = () =>
  matrixRows().flatMap(({ design, bug }) => MM_KINDS.map((event) => ({ design, event, bug })));

/** Explores the cells one after another, each as one exploration request, so the page only routes messages. */
export function runMatrix(client: SimClient, { maxStatesPerCell, onCell, onProgress }: MatrixRunOptions): MatrixRun {
  let cancelled = false;
  let cancelCurrent = () => {};
  const cells = matrixCells();
  const explore = async (design: DesignId, event: MmEventKind, bug: BugSwitch | null): Promise<MatrixCellRun> => {
    const valid = validateScenario(cellScenario(design, event, bug));
    const base = { design, event, bug, reason: '', complete: true, states: 0, findings: [], liveness: null };
    if (!valid.ok) return { ...base, scenario: null, reason: valid.errors.join(' ') };
    const run = client.explore({
      scenario: valid.scenario,
      maxStates: maxStatesPerCell,
      onProgress: (progress) => onProgress?.(progress),
    });
    cancelCurrent = run.cancel;
    const result = await run.result;
    const { complete, states, findings } = result;
    const liveness = result.liveness ? cellLiveness(result.liveness.noFairness, result.liveness.weakFairness) : null;
    return { ...base, scenario: valid.scenario, complete, states, findings, liveness };
  };
  const finished = (async () => {
    for (const [i, { design, event, bug }] of cells.entries()) {
      // One cell per task: the page handles input and paints between cells, even for cells with nothing to explore.
      await nextTask();
      if (cancelled) return false;
      const cell = await explore(design, event, bug);
      if (cancelled) return false;
      onCell(cell, i + 1, cells.length);
    }
    return true;
  })();
  return {
    finished,
    cancel: () => {
      cancelled = true;
      cancelCurrent();
    },
  };
}
