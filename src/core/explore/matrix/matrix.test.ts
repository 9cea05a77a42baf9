import { describe, expect, it } from 'vitest';
import { DESIGNS, MM_KINDS, validateScenario } from '../../index';
import { exploreScenario } from '../ringside/ringside';
import { cellRuns, cellScenario, cellVariants, exploreMatrix, matrixRows } from './matrix';
import { matrixTable } from './matrix-table';

describe('design x mm-event matrix', () => {
  const matrix = exploreMatrix();

  it('explores every valid cell to completion and marks the others n/a with the validator message', () => {
    expect(matrix.complete).toBe(true);
    for (const cell of matrix.cells) {
      const valid = validateScenario(cellScenario(cell.design, cell.event, cell.bug));
      if (valid.ok) expect(cell).toMatchObject({ status: 'explored', complete: true });
      else expect(cell).toMatchObject({ status: 'n/a', reason: valid.errors.join(' ') });
      if (cell.status === 'explored') expect(cell.states).toBeGreaterThan(1);
    }
  });

  it('judges liveness in every explored cell: the correct designs are live under weak fairness', () => {
    for (const cell of matrix.cells.filter((c) => c.status === 'explored')) {
      expect(cell.liveness?.noFairness).not.toBe('unknown');
      const correct =
        ['copy-user', 'kmap-seq', 'interval-notifier', 'interval-mutex'].includes(cell.design) && cell.bug === null;
      if (correct) expect(cell.liveness?.weakFairness).toBe('live');
      // mmu_interval_read_begin sleeps while the range is invalidated, so the interval notifier never spins.
      if (cell.design === 'interval-notifier' || cell.design === 'interval-mutex')
        expect(cell.liveness?.noFairness).toBe('live');
    }
  });

  it('shows the one starving cell: a range-dependent count left non-zero makes kmap-seq retry forever', () => {
    const starving = matrix.cells.filter((c) => c.liveness?.weakFairness === 'violated');
    expect(starving.map((c) => `${c.design} ${c.event} ${c.bug}`)).toEqual([
      'kmap-seq set-vring-addr range-dependent-count',
    ]);
    expect(starving[0]?.liveness?.lasso).toMatchObject({ fair: true, loop: [0, 0, 0, 0] });
    const row = matrixTable(matrix)
      .split('\n')
      .find((r) => r.startsWith('kmap-seq +range-dependent-count'));
    expect(row).toMatch(/\bSTARVE\b/);
  });

  it('shows what each interval notifier costs: only the mutex one makes the OOM reaper skip, and neither breaks', () => {
    const cell = (design: string, event: string, bug: string | null = null) =>
      matrix.cells.find((c) => c.design === design && c.event === event && c.bug === bug);
    for (const event of MM_KINDS) {
      expect(cell('interval-mutex', event)?.hazards).toEqual([]);
      expect(cell('interval-mutex', event)?.warnings.includes('oom-reaper-skipped')).toBe(event === 'oom-reap');
      expect(cell('interval-notifier', event)?.warnings).not.toContain('oom-reaper-skipped');
    }
    expect(cell('interval-mutex', 'oom-reap', 'mutex-in-nonblock')?.hazards).toEqual(['block-in-nonblock']);
  });

  it('has one cell per design and event without bug switches', () => {
    for (const design of DESIGNS) {
      for (const event of MM_KINDS) {
        expect(matrix.cells.filter((c) => c.design === design && c.event === event && c.bug === null)).toHaveLength(1);
      }
    }
  });

  it('prints a table with every event as a column and every design as a row', () => {
    const table = matrixTable(matrix);
    const [header, , ...rows] = table.split('\n');
    for (const event of MM_KINDS) expect(header).toContain(event);
    for (const design of DESIGNS) expect(rows.some((r) => r.startsWith(`${design} `))).toBe(true);
  });

  it('reports each cell as it is done, and stops early when cancelled', () => {
    const seen: number[] = [];
    const signal = { aborted: false };
    const partial = exploreMatrix({
      signal,
      onCell: (_cell, done, total) => {
        seen.push(done);
        expect(total).toBe(matrix.cells.length);
        if (done === 3) signal.aborted = true;
      },
    });
    expect(seen.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(partial.complete).toBe(false);
    expect(partial.cells.slice(3).every((c) => c.status === 'n/a' || !c.complete)).toBe(true);
  });
});

describe('matrix cell scenarios', () => {
  it('no cell is n/a because of its id: only a rule of the model makes a cell n/a', () => {
    for (const { design, bug } of matrixRows())
      for (const event of MM_KINDS) {
        const valid = validateScenario(cellScenario(design, event, bug));
        if (!valid.ok) expect(valid.errors.join(' ')).not.toMatch(/^id:/);
      }
  });

  it('explores every run of every cell in one shape: the same fields in the same order, defaults written out', () => {
    const shapes = new Set<string>();
    for (const { design, bug } of matrixRows())
      for (const event of MM_KINDS) {
        const runs = cellRuns(design, event, bug);
        if (typeof runs !== 'string') for (const run of runs) shapes.add(Object.keys(run).join());
      }
    expect([...shapes]).toHaveLength(1);
  });

  it('explores a run written out in one shape exactly as the validated variant it comes from', () => {
    const valid = validateScenario(cellScenario('vmap-notifier', 'set-vring-addr', null));
    if (!valid.ok) throw new Error(valid.errors.join(' '));
    const variants = cellVariants(valid.scenario, 'set-vring-addr');
    const runs = cellRuns('vmap-notifier', 'set-vring-addr', null);
    expect(runs).toHaveLength(variants.length);
    for (const [i, variant] of variants.entries()) {
      const shaped = exploreScenario((runs as typeof variants)[i] as (typeof variants)[number]);
      const plain = exploreScenario(variant);
      expect({ ...shaped, ms: 0 }).toEqual({ ...plain, ms: 0 });
    }
  });
});
