import { describe, expect, it } from 'vitest';
import { programsOf } from '../programs/compile';
import { cellScenario, exploreCell } from './matrix';

const verdict = (design: string, event: string, bug: string | null = null) => {
  const cell = exploreCell(design as never, event as never, bug as never);
  expect(cell.complete).toBe(true);
  return [...cell.hazards, ...cell.warnings].sort();
};

/** Where each mm call site invokes the notifier, and in which context (mm/rmap.c, mm/memory.c, mm/ksm.c; v5.0–v5.3). */
describe('notifier call sites', () => {
  it('migration calls ->invalidate_range only from _end, never under the PT lock (0f10851ea475, v4.15+)', () => {
    const cell = exploreCell('vmap-notifier', 'migrate', null);
    const [, migrate] = programsOf(cellScenario('vmap-notifier', 'migrate', null));
    const callbacks = migrate?.instrs.filter((i) => i.depth > 0 && i.ctx) ?? [];
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((i) => i.ctx?.ptLock === false && i.ctx.blockable)).toBe(true);
    expect(cell.hazards).toEqual(['deadlock']);
  });

  it('_end calls ->invalidate_range too, so RFC V2 is still told of a migrated page', () => {
    expect(verdict('vmap-notifier', 'migrate', 'skip-set-page-dirty')).not.toContain('sleep-in-atomic');
    expect(verdict('vmap-notifier', 'migrate', 'skip-set-page-dirty')).not.toContain('lost-write');
  });

  it('munmap calls ->invalidate_range under the PT lock only when the gather batch fills (zap_pte_range, v5.0)', () => {
    expect(verdict('vmap-notifier', 'munmap')).toEqual([]);
    expect(verdict('vmap-notifier', 'munmap-batch-full')).toEqual(['sleep-in-atomic']);
    const [, full] = programsOf(cellScenario('vmap-notifier', 'munmap-batch-full', null));
    const [, common] = programsOf(cellScenario('vmap-notifier', 'munmap', null));
    const freeAt = (p: typeof full, op: string) => p?.instrs.findIndex((i) => i.op === op) ?? -1;
    expect(freeAt(full, 'free-batch')).toBeLessThan(freeAt(full, 'mm-end'));
    expect(freeAt(common, 'free-batch')).toBeGreaterThan(freeAt(common, 'mm-end'));
    expect(full?.instrs.some((i) => i.op === 'inv-mutex-lock' && i.ctx?.ptLock)).toBe(true);
    expect(common?.instrs.some((i) => i.ctx?.ptLock)).toBe(false);
  });
});
