import { type KeyboardEvent, memo } from 'react';
import { baselines, CELL_INSET, charsPerLine, wrapNames } from './cell-lines';
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
  // Hazards and warnings wrap between their names, so none is cut; the liveness line stays last.
  const chars = charsPerLine(width);
  const [first = '', ...moreHazards] = wrapNames([safety.symbol, ...(nothing ? ['ok'] : cell.hazards)], chars);
  const warnings = wrapNames(cell.warnings, chars);
  const hazardLines = [first.slice(safety.symbol.length), ...moreHazards];
  const at = baselines(hazardLines.length + warnings.length + 1, height);
  const line = (k: number) => y + (at[k] ?? 0);
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
      {hazardLines.map((text, k) => (
        <text key={`h:${text}`} x={x + CELL_INSET} y={line(k)} className="matrix-cell-hazards">
          {k === 0 ? <tspan className="matrix-symbol">{safety.symbol}</tspan> : null}
          {text}
        </text>
      ))}
      {warnings.map((text, k) => (
        <text key={`w:${text}`} x={x + CELL_INSET} y={line(hazardLines.length + k)} className="matrix-cell-warnings">
          {text}
        </text>
      ))}
      {liveness.label === 'n/a' ? null : (
        <text x={x + CELL_INSET} y={line(at.length - 1)} className="matrix-cell-liveness">
          ↻ <tspan className="matrix-symbol">{liveness.symbol}</tspan> {livenessWord}
        </text>
      )}
    </g>
  );
});
