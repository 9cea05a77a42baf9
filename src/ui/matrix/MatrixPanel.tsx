import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type MatrixCellRun, type MatrixRun, matrixCells, runMatrix } from '../../state/matrix-run';
import type { ExplorePool } from '../../worker/pool';
import { useServices } from '../AppContext';
import { count } from '../explore/explore-text';
import { openRunLink } from '../history/open-link';
import { type Batcher, batcher } from './batcher';
import { cellView, type MatrixCellView, rowLabel } from './cell-view';
import { MatrixGrid } from './MatrixGrid';
import { MatrixLegend } from './MatrixLegend';
import { closeMatrixPool, matrixPool } from './matrix-pool';
import { markMatrix } from './timeline';
import './matrix.css';

/** Each cell is small; this bound keeps one cell from running away in a tab. */
export const MATRIX_MAX_STATES_PER_CELL = 100_000;

type Phase = 'idle' | 'running' | 'done' | 'cancelled';
type Cell = { run: MatrixCellRun; view: MatrixCellView };

/** Zoom levels; the default is the smallest at which every text in the grid renders at 14 px or more. */
const ZOOMS = [
  [0.8, 'compact (read the focused cell below)'],
  [1.4, 'readable'],
  [1.8, 'large'],
] as const;
export const READABLE_ZOOM = 1.4;

/** Computes the design × mm-event (× bug switch) matrix in the worker and opens any cell's counterexample. */
export default function MatrixPanel({ onClose }: { onClose: () => void }) {
  const { store, controller, client, catalog } = useServices();
  const [cells, setCells] = useState<ReadonlyMap<string, Cell>>(new Map());
  const [phase, setPhase] = useState<Phase>('idle');
  const [states, setStates] = useState(0);
  const [zoom, setZoom] = useState<number>(READABLE_ZOOM);
  const [focused, setFocused] = useState('');
  const current = useRef<MatrixRun | null>(null);
  const arrivals = useRef<Batcher<Cell> | null>(null);
  // The workers stay while the panel is mounted (closing hides it), so that "Compute again" finds them warm.
  const pool = useRef<ExplorePool | null>(null);
  const all = useMemo(matrixCells, []);
  const rows = useMemo(() => [...new Set(all.map(rowLabel))], [all]);
  const views = useMemo(() => new Map([...cells].map(([key, cell]) => [key, cell.view])), [cells]);
  // The workers start when the button is pointed at or focused, or at the latest when the panel opens.
  useEffect(() => {
    markMatrix('panel');
    pool.current = matrixPool(client);
    markMatrix('workers-started');
    return () => {
      current.current?.cancel();
      arrivals.current?.drop();
      closeMatrixPool();
      pool.current = null;
    };
  }, [client]);

  const start = () => {
    markMatrix('compute');
    current.current?.cancel();
    setCells(new Map());
    setStates(0);
    setPhase('running');
    pool.current ??= matrixPool(client);
    arrivals.current?.drop();
    // Cells reach React in batches, in a transition: the grid renders a few times a second, never once per cell.
    const arrived = batcher<Cell>((batch) =>
      startTransition(() => {
        setCells((before) => new Map([...before, ...batch.map((cell): [string, Cell] => [cell.view.key, cell])]));
        setStates((n) => batch.reduce((sum, cell) => sum + cell.run.states, n));
      }),
    );
    arrivals.current = arrived;
    const run = runMatrix(pool.current.lanes, {
      maxStatesPerCell: MATRIX_MAX_STATES_PER_CELL,
      onCell: (cell, done, total) => {
        if (done === 1) markMatrix('first-cell');
        if (done === total) markMatrix('last-cell');
        arrived.add({ run: cell, view: cellView(cell) });
      },
    });
    current.current = run;
    void run.finished.then((complete) => {
      if (current.current !== run) return;
      arrived.flush();
      startTransition(() => setPhase(complete ? 'done' : 'cancelled'));
    });
  };
  const cancel = () => current.current?.cancel();
  useEffect(() => {
    if (phase === 'done') markMatrix('rendered');
  }, [phase]);
  const latest = useRef(cells);
  latest.current = cells;
  const open = useCallback(
    async (view: MatrixCellView) => {
      const run = latest.current.get(view.key)?.run;
      if (!run?.scenario) return;
      const finding = run.findings.find((f) => f === view.open) ?? null;
      const loop = !finding && view.lasso ? view.lasso : null;
      const schedule = finding ? finding.schedule : loop ? [...loop.prefix, ...loop.loop] : [];
      const index = finding ? finding.step + 1 : loop ? loop.prefix.length : 0;
      // A finding or loop replays on the variant of the cell's scenario it was found in.
      const scenario = finding?.scenario ?? (loop ? run.livenessScenario : null) ?? run.scenario;
      const scenarioId = scenario.id;
      onClose();
      await openRunLink(store, controller, catalog, { scenarioId, edited: scenario, schedule, index });
      if (loop) store.getState().markLasso({ scenarioId, schedule, loopStart: loop.prefix.length });
    },
    [store, controller, catalog, onClose],
  );

  const openCell = useCallback((view: MatrixCellView) => void open(view), [open]);
  const done = cells.size;
  return (
    <section className="matrix" aria-label="Matrix">
      <p className="matrix-intro">
        Every design against every mm event, with and without each bug switch that applies, explored exhaustively in the
        simulation's workers, one per core.
      </p>
      <div className="matrix-actions">
        {/* Both buttons stay focusable (aria-disabled), so focus never drops out of the dialog while it computes. */}
        <button type="button" onClick={() => phase !== 'running' && start()} aria-disabled={phase === 'running'}>
          {phase === 'idle' ? 'Compute the matrix' : 'Compute again'}
        </button>
        <button type="button" onClick={cancel} aria-disabled={phase !== 'running'}>
          Cancel
        </button>
        <progress max={all.length} value={done} aria-label="Cells explored" />
        <span role="status" aria-live="polite">
          {phase === 'idle' ? '' : `${done} of ${all.length} cells, ${count(states)} states`}
          {phase === 'done' ? ': complete.' : phase === 'cancelled' ? ': cancelled, incomplete.' : ''}
        </span>
      </div>
      <label className="matrix-zoom">
        Zoom{' '}
        <select value={zoom} onChange={(event) => setZoom(Number(event.target.value))}>
          {ZOOMS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: focus and pointer only mirror a cell's label below; the cells are the buttons. */}
      <div
        className="matrix-scroll"
        onFocus={(event) => setFocused(event.target.getAttribute('aria-label') ?? '')}
        onMouseOver={(event) =>
          setFocused((event.target as Element).closest?.('[role="button"]')?.getAttribute('aria-label') ?? '')
        }
      >
        <MatrixGrid rows={rows} cells={views} onOpen={openCell} zoom={zoom} />
      </div>
      <p className="matrix-focused">{focused || 'Focus or point at a cell to read it here.'}</p>
      <MatrixLegend />
    </section>
  );
}
