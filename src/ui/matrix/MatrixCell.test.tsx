import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import type { CellFinding, MatrixCellRun } from '../../state/matrix-run';
import { CELL_FONT } from './cell-lines';
import { cellView } from './cell-view';
import { MatrixGrid } from './MatrixGrid';

const ROW = 'vmap-notifier + skip-seq-check';

/** A finished cell of the grid whose search found `hazards` and `warnings` (kinds), as the matrix run reports them. */
function finished(hazards: string[], warnings: string[]): MatrixCellRun {
  const scenario = builtinScenarios[0] ?? null;
  const finding = (kind: string, severity: CellFinding['severity']) =>
    ({ kind, severity, step: 0, schedule: [0], message: kind, scenario }) as CellFinding;
  return {
    design: 'vmap-notifier',
    event: 'reclaim',
    bug: 'skip-seq-check',
    scenario,
    reason: '',
    complete: true,
    states: 10,
    findings: [...hazards.map((k) => finding(k, 'hazard')), ...warnings.map((k) => finding(k, 'warning'))],
    liveness: { noFairness: 'live', weakFairness: 'live' },
    livenessScenario: scenario,
  } as MatrixCellRun;
}

/** Every line of the cell's text that is wider (at the cells' monospace advance) than the cell's room for text. */
function linesTooWide(cell: HTMLElement): string[] {
  const width = Number(cell.querySelector('rect')?.getAttribute('width'));
  return [...cell.querySelectorAll('text')]
    .map((t) => t.textContent ?? '')
    .filter((text) => [...text].length * CELL_FONT * 0.6 > width - 12);
}

describe('a matrix cell’s findings', () => {
  it.each([
    [['sleep-in-atomic', 'use-after-free', 'stale-tlb', 'lost-write'], []],
    [
      ['use-after-free', 'sleep-in-atomic'],
      ['invalidation-never-ends', 'rcu-latency', 'spurious-invalidation'],
    ],
  ])('read in full inside the cell, wrapped between names (%j, %j)', (hazards, warnings) => {
    const view = cellView(finished(hazards, warnings));
    render(<MatrixGrid rows={[ROW]} cells={new Map([[view.key, view]])} onOpen={() => {}} zoom={1.4} />);
    const cell = screen.getByRole('button', {
      name: new RegExp(`^${ROW.replace('+', '\\+')} against reclaim: safety fails; `),
    });
    // The full names are the cell's accessible name; the short ones, each whole, its visible text.
    for (const kind of [...hazards, ...warnings]) {
      expect(cell).toHaveAccessibleName(new RegExp(kind.replace(/-/g, ' ')));
    }
    const words = [...cell.querySelectorAll('text')].flatMap((t) => (t.textContent ?? '').split(/\s+/));
    expect(words).toEqual(expect.arrayContaining([...view.hazards, ...view.warnings]));
    expect(linesTooWide(cell)).toEqual([]);
    expect(cell.querySelector('text:last-of-type')).toHaveTextContent('↻ ✓ live');
  });
});
