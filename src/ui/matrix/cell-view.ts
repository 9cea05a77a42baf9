import { FINDING_SHORT_NAMES } from '../../core/catalog';
import type { Counterexample } from '../../core/explore/engine/machine';
import type { MatrixCellRun } from '../../state/matrix-run';

/** The verdict columns a cell shows side by side: safety (no hazard) and liveness (under weak fairness). */
export type VerdictColumn = 'safety' | 'liveness';

export interface Verdict {
  /** `n/a`: the combination is not modelled. */
  label: 'holds' | 'fails' | 'unknown' | 'n/a';
  /** A shape that carries the verdict without colour. */
  symbol: string;
}

export interface MatrixCellView {
  key: string;
  row: string;
  event: string;
  verdicts: Record<VerdictColumn, Verdict>;
  /** Short names of the hazards, then of the warnings, reached in this cell. */
  hazards: string[];
  warnings: string[];
  /** The finding a click opens: the shortest hazard, else the shortest warning. */
  open: Counterexample | null;
  /** The non-progress loop to open when no finding is (prefix, then one turn of the loop). */
  lasso: { prefix: number[]; loop: number[] } | null;
  /** Vhost can loop without progress only if the scheduler is unfair (kmap-seq's retry while an invalidation runs). */
  spins: boolean;
  description: string;
}

/** Short names for the cells, with their meanings in the legend. */
export const SHORT_NAMES: Readonly<Record<string, string>> = FINDING_SHORT_NAMES;

export const VERDICT_SYMBOLS: Readonly<Record<Verdict['label'], string>> = {
  holds: '✓',
  fails: '✗',
  unknown: '?',
  'n/a': '–',
};

const shortName = (kind: string) => SHORT_NAMES[kind] ?? kind;
const shortest = (findings: Counterexample[]) =>
  [...findings].sort((a, b) => a.schedule.length - b.schedule.length)[0] ?? null;

export const rowLabel = (cell: Pick<MatrixCellRun, 'design' | 'bug'>) =>
  cell.bug ? `${cell.design} + ${cell.bug}` : cell.design;

function safetyOf(cell: MatrixCellRun, hazards: Counterexample[]): Verdict {
  const label = !cell.scenario ? 'n/a' : hazards.length > 0 ? 'fails' : cell.complete ? 'holds' : 'unknown';
  return { label, symbol: VERDICT_SYMBOLS[label] };
}

function livenessOf(cell: MatrixCellRun): Verdict {
  const verdict = cell.liveness?.weakFairness;
  const label = !cell.scenario ? 'n/a' : verdict === 'live' ? 'holds' : verdict === 'violated' ? 'fails' : 'unknown';
  return { label, symbol: VERDICT_SYMBOLS[label] };
}

const LIVENESS_WORDS: Record<Verdict['label'], string> = {
  holds: 'vhost always progresses under weak fairness',
  fails: 'vhost can starve even under weak fairness',
  unknown: 'liveness unknown',
  'n/a': '',
};

export function cellView(cell: MatrixCellRun): MatrixCellView {
  const hazards = cell.findings.filter((f) => f.severity === 'hazard');
  const warnings = cell.findings.filter((f) => f.severity === 'warning');
  const safety = safetyOf(cell, hazards);
  const liveness = livenessOf(cell);
  const spins = liveness.label === 'holds' && cell.liveness?.noFairness === 'violated';
  const row = rowLabel(cell);
  const names = [...hazards, ...warnings].map((f) => f.kind.replace(/-/g, ' '));
  const found = names.length > 0 ? names.join(', ') : 'nothing found';
  const description = !cell.scenario
    ? `${row} against ${cell.event}: not modelled. ${cell.reason}`
    : `${row} against ${cell.event}: safety ${safety.label}; ${found}${cell.complete ? '' : ' (search incomplete)'}; ` +
      `${LIVENESS_WORDS[liveness.label]}${spins ? ' (it can spin only if the scheduler is unfair)' : ''}.`;
  const lasso = cell.liveness?.lasso;
  return {
    key: `${row}|${cell.event}`,
    row,
    event: cell.event,
    verdicts: { safety, liveness },
    hazards: hazards.map((f) => shortName(f.kind)),
    warnings: warnings.map((f) => shortName(f.kind)),
    open: shortest(hazards) ?? shortest(warnings),
    lasso: lasso && liveness.label === 'fails' ? { prefix: lasso.prefix, loop: lasso.loop } : null,
    spins,
    description,
  };
}
