import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOwnTour, encodeOwnTour } from '../../tour/own/own-link';
import type { OwnTour } from '../../tour/own/own-tour';
import { ownStopOf, ownTourHref } from './own-stop-link';

const tour: OwnTour = { format: 1, title: 'T', stops: [{ run: '?v=2&s=a&t=&i=0', note: 'n' }] };
const link = encodeOwnTour(tour);

describe('the stop in an own-tour address', () => {
  it('round-trips every stop and leaves the tour link readable (the stop is outside its checksum)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 998 }), (stop) => {
        const href = ownTourHref({ tour, stop, link });
        expect(href).not.toBeNull();
        expect(ownStopOf(href ?? '')).toBe(stop);
        expect(decodeOwnTour(href ?? '')).toEqual({ status: 'ok', tour });
      }),
    );
  });

  it('reads the first stop from a link without one, or with a stop that is not a small positive number', () => {
    for (const text of [link ?? '', '?own=1&stop=0', '?own=1&stop=-3', '?own=1&stop=2.5', '?own=1&stop=1e3', '%%%'])
      expect(ownStopOf(text)).toBe(0);
  });

  it('gives no address for a tour too long for a link', () => {
    expect(ownTourHref({ tour, stop: 0, link: null })).toBeNull();
  });
});
