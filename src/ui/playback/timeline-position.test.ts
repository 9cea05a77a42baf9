import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentAlong } from './timeline-position';

describe('percentAlong', () => {
  it('puts the start at 0% and the last step at 100%', () => {
    expect(percentAlong(0, 7)).toBe(0);
    expect(percentAlong(7, 7)).toBe(100);
  });

  it('keeps an empty run (no step yet) at the start instead of dividing by zero', () => {
    expect(percentAlong(0, 0)).toBe(0);
  });

  it('grows with the step and stays within 0..100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), (last, raw) => {
        const step = raw % (last + 1);
        const here = percentAlong(step, last);
        expect(here).toBeGreaterThanOrEqual(0);
        expect(here).toBeLessThanOrEqual(100);
        if (step < last) expect(percentAlong(step + 1, last)).toBeGreaterThan(here);
      }),
    );
  });
});
