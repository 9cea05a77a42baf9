import type { Counterexample } from '../../core/explore/machine';
import type { MatrixCellRun } from '../../state/matrix-run';

/** The verdict columns a cell shows side by side; a liveness column joins `safety` when the explorer reports it. */
export type VerdictColumn = 'safety';

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
  description: string;
}

/** Short names for the cells, with their meanings in the legend; kinds not listed show their full name. */
export const SHORT_NAMES: Readonly<Record<string, string>> = {
  'use-after-free': 'UAF',
  'lost-write': 'LOST',
  'sleep-in-atomic': 'SLEEP',
  deadlock: 'DEADLOCK',
  'stale-tlb': 'STALE',
  'pin-blocks-migration': 'pin-mig',
  'pin-blocks-ksm': 'pin-ksm',
  'oom-reaper-skipped': 'oom-skip',
  'invalidation-never-ends': 'inv-stuck',
  'rcu-latency': 'rcu-lat',
  'spurious-invalidation': 'spurious',
};

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

export function cellView(cell: MatrixCellRun): MatrixCellView {
  const hazards = cell.findings.filter((f) => f.severity === 'hazard');
  const warnings = cell.findings.filter((f) => f.severity === 'warning');
  const safety = safetyOf(cell, hazards);
  const row = rowLabel(cell);
  const names = [...hazards, ...warnings].map((f) => f.kind.replace(/-/g, ' '));
  const found = names.length > 0 ? names.join(', ') : 'nothing found';
  const description = !cell.scenario
    ? `${row} against ${cell.event}: not modelled. ${cell.reason}`
    : `${row} against ${cell.event}: safety ${safety.label}; ${found}${cell.complete ? '' : ' (search incomplete)'}.`;
  return {
    key: `${row}|${cell.event}`,
    row,
    event: cell.event,
    verdicts: { safety },
    hazards: hazards.map((f) => shortName(f.kind)),
    warnings: warnings.map((f) => shortName(f.kind)),
    open: shortest(hazards) ?? shortest(warnings),
    description,
  };
}
