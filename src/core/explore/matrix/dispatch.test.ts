import { describe, expect, it } from 'vitest';
import { cellWeight, largestFirst } from './dispatch';
import { matrixSpecs } from './matrix';

describe('largestFirst', () => {
  const specs = matrixSpecs();
  const order = largestFirst(specs);

  it('hands out every cell exactly once', () => {
    expect([...order].sort((a, b) => a - b)).toEqual(specs.map((_, i) => i));
  });

  it('starts with the ring-moving cells of the designs with a callback and ends with the copy-user and pinned rows', () => {
    const first = specs[order[0] as number];
    expect(first?.event).toBe('set-vring-addr');
    expect(first?.design).not.toMatch(/^(copy-user|vmap-pinned)$/);
    const light = specs.filter((s) => s.design === 'copy-user' || s.design === 'vmap-pinned').length;
    expect(light).toBeGreaterThan(0);
    const last = order.slice(-light).map((i) => specs[i]?.design);
    expect(new Set(last)).toEqual(new Set(['copy-user', 'vmap-pinned']));
  });

  it('never hands out a lighter cell before a heavier one, and keeps the matrix order among equals', () => {
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1] as number, order[k] as number];
      const [wa, wb] = [cellWeight(specs[a] as never), cellWeight(specs[b] as never)];
      expect(wa).toBeGreaterThanOrEqual(wb);
      if (wa === wb) expect(a).toBeLessThan(b);
    }
  });
});
