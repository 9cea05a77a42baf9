import { scaleBand } from 'd3-scale';
import { MM_KINDS } from '../../core';
import type { MatrixCellView } from './cell-view';
import { MatrixCell } from './MatrixCell';

interface Props {
  rows: readonly string[];
  cells: ReadonlyMap<string, MatrixCellView>;
  onOpen: (cell: MatrixCellView) => void;
  /** Screen pixels per drawing unit: at 1.4 the smallest text (10.5 units) renders at 14.7 px. */
  zoom: number;
}

const LEFT = 280;
const TOP = 30;
const CELL_W = 128;
const CELL_H = 60;

/** The design × mm-event grid: D3 lays the bands out, React draws each cell with its verdict symbol and findings. */
export function MatrixGrid({ rows, cells, onOpen, zoom }: Props) {
  const x = scaleBand<string>()
    .domain(MM_KINDS)
    .range([LEFT, LEFT + MM_KINDS.length * CELL_W])
    .paddingInner(0.06);
  const y = scaleBand<string>()
    .domain(rows)
    .range([TOP, TOP + rows.length * CELL_H])
    .paddingInner(0.1);
  const width = LEFT + MM_KINDS.length * CELL_W + 4;
  const height = TOP + rows.length * CELL_H + 4;
  return (
    <svg className="matrix-grid" width={width * zoom} height={height * zoom} viewBox={`0 0 ${width} ${height}`}>
      <title>Design × mm-event matrix: one row per design and bug switch, one column per mm event</title>
      {MM_KINDS.map((event) => (
        <text key={event} className="matrix-col" x={(x(event) ?? 0) + x.bandwidth() / 2} y={TOP - 10}>
          {event}
        </text>
      ))}
      {rows.map((row) => (
        <text key={row} className="matrix-row" x={LEFT - 8} y={(y(row) ?? 0) + y.bandwidth() / 2 + 4}>
          {row}
        </text>
      ))}
      {rows.flatMap((row) =>
        MM_KINDS.map((event) => {
          const cell = cells.get(`${row}|${event}`);
          const left = x(event) ?? 0;
          const top = y(row) ?? 0;
          if (!cell)
            return (
              <rect
                key={`${row}|${event}`}
                className="matrix-cell matrix-cell-pending"
                x={left}
                y={top}
                width={x.bandwidth()}
                height={y.bandwidth()}
              />
            );
          return (
            <MatrixCell
              key={cell.key}
              cell={cell}
              x={left}
              y={top}
              width={x.bandwidth()}
              height={y.bandwidth()}
              onOpen={onOpen}
            />
          );
        }),
      )}
    </svg>
  );
}
