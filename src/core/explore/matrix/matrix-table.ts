import { FINDING_SHORT_NAMES as SHORT } from '../../catalog';
import { MM_KINDS } from '../../index';
import type { Matrix, MatrixCell } from './matrix';

/** Liveness marks: a cycle with no vhost progress that a weakly fair scheduler can run forever, or only an unfair one. */
export const LIVENESS_MARKS = {
  STARVE: 'vhost can retry forever under weak fairness (a fair cycle without progress)',
  spin: 'vhost retries forever only if a ready mm thread is never run (an unfair cycle)',
  'live?': 'no cycle without progress in the states explored, but the bound was reached',
} as const;

export function livenessMark(cell: MatrixCell): keyof typeof LIVENESS_MARKS | null {
  const l = cell.liveness;
  if (!l) return null;
  if (l.weakFairness === 'violated') return 'STARVE';
  if (l.noFairness === 'violated') return 'spin';
  return l.noFairness === 'unknown' ? 'live?' : null;
}

export function cellText(cell: MatrixCell): string {
  if (cell.status === 'n/a') return 'n/a';
  const order = Object.keys(SHORT);
  const kinds = [...cell.hazards, ...cell.warnings].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const mark = livenessMark(cell);
  const parts = [...kinds.map((k) => SHORT[k] ?? k), ...(mark ? [mark] : [])];
  const text = parts.length === 0 ? 'ok' : parts.join(',');
  return cell.complete ? text : `${text}?`;
}

/** The matrix as a fixed-width text table: one row per design (and bug switch), one column per mm event. */
export function matrixTable(matrix: Matrix): string {
  const rows = new Map<string, MatrixCell[]>();
  for (const cell of matrix.cells) {
    const label = cell.bug ? `${cell.design} +${cell.bug}` : cell.design;
    rows.set(label, [...(rows.get(label) ?? []), cell]);
  }
  const header = ['design', ...MM_KINDS];
  const body = [...rows].map(([label, cells]) => [label, ...MM_KINDS.map((e) => cellTextFor(cells, e))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cols: string[]) =>
    cols
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const legend = Object.entries(SHORT)
    .map(([kind, short]) => `${short}=${kind}`)
    .join(' ');
  const marks = Object.entries(LIVENESS_MARKS).map(([mark, meaning]) => `${mark}: ${meaning}`);
  const withLiveness = matrix.cells.some((c) => c.liveness);
  const na = matrix.cells.filter((c) => c.status === 'n/a');
  const reasons = [...new Set(na.map((c) => `  n/a ${c.design} ${c.event}${c.bug ? ` +${c.bug}` : ''}: ${c.reason}`))];
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    'Hazards in capitals, warnings in lower case; ok = nothing found; ? = bound reached, incomplete.',
    'Each cell: one mm event (target all) against 2 vhost rounds, on anonymous memory; set-vring-addr moves the ring into',
    'and out of a munmap, and vq 0’s ring while vq 1’s ring stays in it (2 vqs); reclaim runs on anonymous, shmem and',
    'file memory; writeback on file memory.',
    'no-smp-rmb is a weakly ordered CPU’s reorder (arm64, POWER): x86 does not reorder loads with loads.',
    legend,
    ...(withLiveness
      ? ['Liveness (progress = vhost publishes used.idx or ends a round):', ...marks.map((m) => `  ${m}`)]
      : []),
    `${matrix.cells.length} cells, ${matrix.states} states, ${Math.round(matrix.ms)} ms${matrix.complete ? '' : ' (INCOMPLETE)'}`,
    ...reasons,
  ].join('\n');
}

function cellTextFor(cells: MatrixCell[], event: string): string {
  const cell = cells.find((c) => c.event === event);
  return cell ? cellText(cell) : '';
}
