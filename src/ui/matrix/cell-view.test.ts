import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../core';
import { HAZARD_KINDS } from '../../core/catalog';
import { cellLiveness, cellScenario } from '../../core/explore/matrix/matrix';
import { exploreScenario } from '../../core/explore/ringside/ringside';
import type { MatrixCellRun } from '../../state/matrix-run';
import { cellView, SHORT_NAMES } from './cell-view';

/** Explores one cell on this thread, with the liveness pass, as the worker does. */
function explored(...[design, event, bug]: Parameters<typeof cellScenario>): MatrixCellRun {
  const valid = validateScenario(cellScenario(design, event, bug));
  if (!valid.ok) throw new Error(valid.errors.join(' '));
  const r = exploreScenario(valid.scenario, { liveness: true });
  const liveness = r.liveness ? cellLiveness(r.liveness.noFairness, r.liveness.weakFairness) : null;
  const base = { design, event, bug, reason: '', scenario: valid.scenario, livenessScenario: valid.scenario };
  const findings = r.findings.map((f) => ({ ...f, scenario: valid.scenario }));
  return { ...base, complete: r.complete, states: r.states, findings, liveness };
}

describe('a matrix cell shows safety and liveness side by side', () => {
  it('a starving cell fails liveness and opens its loop', () => {
    const view = cellView(explored('kmap-seq', 'set-vring-addr', 'range-dependent-count'));
    expect(view.verdicts.liveness).toEqual({ label: 'fails', symbol: '✗' });
    expect(view.lasso?.loop.length).toBeGreaterThan(0);
    expect(view.description).toMatch(/vhost can starve even under weak fairness/);
  });

  it('kmap-seq under munmap is safe and live, spinning only under an unfair scheduler', () => {
    const view = cellView(explored('kmap-seq', 'munmap', null));
    expect(view.verdicts.safety.label).toBe('holds');
    expect(view.verdicts.liveness.label).toBe('holds');
    expect(view.spins).toBe(true);
    expect(view.lasso).toBeNull();
  });

  it('a combination the validator rejects has neither verdict', () => {
    const run: MatrixCellRun = {
      design: 'vmap-pinned',
      event: 'set-vring-addr',
      bug: null,
      scenario: null,
      reason: 'not modelled',
      complete: true,
      states: 0,
      findings: [],
      liveness: null,
      livenessScenario: null,
    };
    expect(cellView(run).verdicts).toEqual({
      safety: { label: 'n/a', symbol: '–' },
      liveness: { label: 'n/a', symbol: '–' },
    });
  });
});

describe('short names', () => {
  it('names every hazard kind briefly, so a cell never overflows with a long kind', () => {
    for (const kind of HAZARD_KINDS) expect(SHORT_NAMES[kind]?.length ?? 99).toBeLessThanOrEqual(8);
  });
});
