import { HAZARD_KINDS } from '../../core/catalog';
import { SHORT_NAMES, VERDICT_SYMBOLS } from './cell-view';

const VERDICT_MEANING = {
  holds: 'safety holds: no hazard in any interleaving (complete search)',
  fails: 'safety fails: a hazard is reachable',
  unknown: 'no hazard so far, but the search hit its bound',
  'n/a': 'not modelled (the validator rejects this combination)',
} as const;

const LIVENESS_MEANING = [
  ['↻ ✓ live', 'under weak fairness the vhost worker always publishes used.idx or ends a round again'],
  ['↻ ✓ live (spin)', 'live under weak fairness, but an unfair scheduler can keep vhost retrying forever'],
  ['↻ ✗ STARVE', 'a weakly fair loop without progress exists; a click opens it as a lasso'],
  ['↻ ?', 'the liveness pass hit its bound'],
] as const;

const HAZARDS: readonly string[] = HAZARD_KINDS;

/** What every symbol, short name and fill means: the grid never relies on colour alone. */
export function MatrixLegend() {
  const kinds = Object.entries(SHORT_NAMES);
  return (
    <div className="matrix-legend">
      <h3>Legend</h3>
      <ul aria-label="Verdicts">
        {Object.entries(VERDICT_MEANING).map(([label, meaning]) => (
          <li key={label}>
            <span className={`matrix-swatch matrix-cell-${label.replace('/', '')}`} aria-hidden="true" />
            <strong>{VERDICT_SYMBOLS[label as keyof typeof VERDICT_SYMBOLS]}</strong> {meaning}
          </li>
        ))}
      </ul>
      <ul aria-label="Liveness">
        {LIVENESS_MEANING.map(([mark, meaning]) => (
          <li key={mark}>
            <strong>{mark}</strong> {meaning}
          </li>
        ))}
      </ul>
      <ul aria-label="Finding names">
        {kinds.map(([kind, short]) => (
          <li key={kind}>
            <strong>{short}</strong> {kind.replace(/-/g, ' ')} (
            {HAZARDS.includes(kind) ? 'hazard, first line' : 'warning, second line'})
          </li>
        ))}
      </ul>
      <p>
        Each cell races one mm event (all ring pages) against two vhost rounds; click a cell to open its shortest
        counterexample (or its starving loop).
      </p>
    </div>
  );
}
