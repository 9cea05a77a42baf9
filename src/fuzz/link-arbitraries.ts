import fc from 'fast-check';

/** Link query strings: any text, and link-shaped ones whose parts are junk, numbers in odd notations or huge. */
const part = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '0', '1', '01', '0x1', '1e0', ' 1', '-1', '1.', '.', '..', 'NaN', 'Infinity', '%00', '%0A'),
  fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 30 }).map((xs) => xs.join('.')),
  fc.integer({ min: 0, max: 20_000 }).map((n) => '1.'.repeat(n)),
  fc.integer({ min: 0, max: 10_000 }).map((n) => 'A'.repeat(n)),
);

export const linkSearch = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .record({ v: fc.oneof(fc.constant('1'), part), s: part, t: part, i: part })
    .map(({ v, s, t, i }) => `?v=${v}&s=${encodeURIComponent(s)}&t=${t}&i=${i}`),
  fc.string({ unit: 'binary', maxLength: 100 }).map((s) => `?v=1&s=${s}`),
);
