import { type KeyboardEvent, memo } from 'react';
import type { MatrixCellView } from './cell-view';

interface Props {
  cell: MatrixCellView;
  x: number;
  y: number;
  width: number;
  height: number;
  onOpen: (cell: MatrixCellView) => void;
}

/** One explored cell: safety symbol and hazards, then warnings, then the liveness symbol and word. */
export const MatrixCell = memo(function MatrixCell({ cell, x, y, width, height, onOpen }: Props) {
  const safety = cell.verdicts.safety;
  const liveness = cell.verdicts.liveness;
  const livenessWord =
    liveness.label === 'fails' ? 'STARVE' : liveness.label === 'holds' ? (cell.spins ? 'live (spin)' : 'live') : '';
  const nothing = cell.hazards.length + cell.warnings.length === 0;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen(cell);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; this group is the cell's button.
    <g
      role="button"
      tabIndex={0}
      aria-label={`${cell.description} Open in the stepper.`}
      className={`matrix-cell matrix-cell-${safety.label.replace('/', '')}`}
      onClick={() => onOpen(cell)}
      onKeyDown={onKey}
    >
      <title>{cell.description}</title>
      <rect x={x} y={y} width={width} height={height} rx={3} />
      <text x={x + 6} y={y + 16} className="matrix-cell-hazards">
        <tspan className="matrix-symbol">{safety.symbol}</tspan> {cell.hazards.join(' ') || (nothing ? 'ok' : '')}
      </text>
      <text x={x + 6} y={y + 32} className="matrix-cell-warnings">
        {cell.warnings.join(' ')}
      </text>
      {liveness.label === 'n/a' ? null : (
        <text x={x + 6} y={y + 48} className="matrix-cell-liveness">
          ↻ <tspan className="matrix-symbol">{liveness.symbol}</tspan> {livenessWord}
        </text>
      )}
    </g>
  );
});
