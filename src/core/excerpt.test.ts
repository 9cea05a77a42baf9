import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX, excerpt } from './excerpt';

describe('excerpt', () => {
  it('quotes short text as it is', () => {
    expect(excerpt('vmap-all')).toBe('"vmap-all"');
  });

  it('escapes newlines, terminal escapes and bidi marks', () => {
    expect(excerpt('a\nb\u001b[2Jc\u202e')).toBe('"a\\u000ab\\u001b[2Jc\\u202e"');
  });

  it('cuts long text and names its length', () => {
    expect(excerpt('x'.repeat(50_000_000))).toBe(`"${'x'.repeat(EXCERPT_MAX)}…" (50000000 characters)`);
  });

  it('is one short line for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const out = excerpt(s);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property is that no control character is left.
        expect(out).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
        expect(out.length).toBeLessThan(EXCERPT_MAX * 6 + 40);
      }),
    );
  });
});
