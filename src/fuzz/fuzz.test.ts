import { describe, expect, it } from 'vitest';
import { fuzzSurface } from './harness';
import { SURFACES } from './surfaces';

/** A few thousand generated inputs per `npm test`; `npm run fuzz` runs many more and prints the tally. */
const RUNS = 800;
const SEED = Date.now() % 1_000_000;

describe.each(SURFACES.map((s) => [s.name, s] as const))('fuzz: %s', (_name, surface) => {
  it(`never throws, hangs or breaks a message (seed ${SEED})`, { timeout: 120_000 }, () => {
    const report = fuzzSurface(surface, Math.round(RUNS * (surface.weight ?? 1)), SEED);
    expect(report.firstFailure).toBeUndefined();
    expect(report).toMatchObject({ exceptions: 0, hangs: 0, badMessages: 0 });
    expect(Object.values(report.outcomes).reduce((a, b) => a + b, 0)).toBe(report.inputs);
  });
});
