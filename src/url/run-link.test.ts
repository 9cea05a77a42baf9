import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRunLink, encodeRunLink, MAX_LINK_STEPS } from './run-link';

const linkArb = fc
  .record({
    scenarioId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
    schedule: fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 200 }),
  })
  .chain((r) =>
    fc.record({
      scenarioId: fc.constant(r.scenarioId),
      schedule: fc.constant(r.schedule),
      index: fc.integer({ min: 0, max: r.schedule.length }),
    }),
  );

describe('run links', () => {
  it('round-trips any scenario id, schedule and step', () => {
    fc.assert(
      fc.property(linkArb, (link) => {
        expect(decodeRunLink(encodeRunLink(link))).toEqual({ ok: true, link });
      }),
    );
  });

  it('reads a short, human-readable query', () => {
    expect(encodeRunLink({ scenarioId: 'gup-munmap-uaf', schedule: [0, 0, 1], index: 2 })).toBe(
      '?v=1&s=gup-munmap-uaf&t=0.0.1&i=2',
    );
  });

  it('is null without a link and fails loudly on a broken one', () => {
    expect(decodeRunLink('')).toBeNull();
    expect(decodeRunLink('?v=2&s=a&t=0')).toMatchObject({ ok: false, error: /version/ });
    expect(decodeRunLink('?v=1&s=a&t=0.x')).toMatchObject({ ok: false, error: /thread numbers/ });
    expect(decodeRunLink('?v=1&s=a&t=0.1&i=3')).toMatchObject({ ok: false, error: /outside/ });
    expect(decodeRunLink('?v=1&s=A%20B')).toMatchObject({ ok: false, error: /scenario id/ });
  });

  it('shows the last recorded step when the link gives none', () => {
    expect(decodeRunLink('?v=1&s=a&t=1.0')).toEqual({
      ok: true,
      link: { scenarioId: 'a', schedule: [1, 0], index: 2 },
    });
  });

  it('refuses an oversized schedule before replaying anything', () => {
    const long = Array.from({ length: MAX_LINK_STEPS + 1 }, () => 0).join('.');
    expect(decodeRunLink(`?v=1&s=x&t=${long}`)).toEqual({
      ok: false,
      error: `The link holds more than ${MAX_LINK_STEPS} steps; Ringside replays at most ${MAX_LINK_STEPS}.`,
    });
    const exact = Array.from({ length: MAX_LINK_STEPS }, () => 0).join('.');
    expect(decodeRunLink(`?v=1&s=x&t=${exact}`)?.ok).toBe(true);
  });
});
