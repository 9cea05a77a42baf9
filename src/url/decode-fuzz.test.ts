import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX } from '../core/excerpt';
import { runLinkArb } from './arbitraries.test-util';
import { encodeRunLink } from './encode';
import { decode } from './run-link';
import { type LinkDecode, MAX_LINK_STEPS } from './run-link-types';

/** A decode result is a valid situation (or none), or an error sentence with a valid nearest run. */
function expectWellFormed(result: LinkDecode) {
  if (result.status === 'none') return;
  const run = result.status === 'ok' ? result.link : result.nearest;
  if (result.status === 'error') {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeLessThan(EXCERPT_MAX * 12 + 400);
  }
  if (!run) return;
  expect(run.schedule.length).toBeLessThanOrEqual(MAX_LINK_STEPS);
  expect(run.index).toBeGreaterThanOrEqual(0);
  expect(run.index).toBeLessThanOrEqual(run.schedule.length);
  expect(run.schedule.every((t) => Number.isInteger(t) && t >= 0 && t <= 63)).toBe(true);
}

const linkish = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('?', '&', '=', '#', '.', '%', 'v', 's', 't', 'i', 'x', 'c', 'm', '0', '1', '2', '-'),
  }),
  fc.tuple(runLinkArb, fc.nat(), fc.string({ maxLength: 6 })).map(([link, at, insert]) => {
    const text = encodeRunLink(link);
    const cut = at % (text.length + 1);
    return text.slice(0, cut) + insert + text.slice(cut + insert.length);
  }),
);

describe('decode on untrusted text', () => {
  it('never throws and always yields a valid situation or a typed error, for any string', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(linkish, (text) => expectWellFormed(decode(text))),
      { numRuns: 4000 },
    );
  });
});
