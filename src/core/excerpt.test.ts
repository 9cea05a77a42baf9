import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundLine, EXCERPT_MAX, escapeLine, excerpt, isUnsafeChar, MESSAGE_MAX } from './excerpt';

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
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = excerpt(s);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property is that no control character is left.
        expect(out).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
        // The quotes, the ellipsis and " (N characters)" around at most EXCERPT_MAX shown characters.
        expect(out.length).toBeLessThanOrEqual(EXCERPT_MAX + 3 + ` (${s.length} characters)`.length);
      }),
    );
  });

  it('escapes lone surrogates, keeps a surrogate pair', () => {
    expect(isUnsafeChar('\ud800')).toBe(true);
    expect(isUnsafeChar('\udfff')).toBe(true);
    expect(excerpt('a\ud800b\udc00')).toBe('"a\\ud800b\\udc00"');
    expect(excerpt('\ud83d\ude00')).toBe('"\ud83d\ude00"');
    expect(escapeLine('x\udbff', 10)).toBe('x\\udbff');
  });

  it('counts escapes in its length: 40 escaped characters show as 40, not 240', () => {
    const out = excerpt('\u001b'.repeat(100));
    expect(out).toBe(`"${'\\u001b'.repeat(6)}…" (100 characters)`);
    expect(escapeLine('\u0007'.repeat(1000), 120).length).toBeLessThanOrEqual(120 + ' (1000 characters)'.length + 1);
  });
});

describe('boundLine', () => {
  it('leaves a short line as it is and cuts a long one to MESSAGE_MAX', () => {
    expect(boundLine('short')).toBe('short');
    const cut = boundLine('y'.repeat(1000));
    expect(cut).toHaveLength(MESSAGE_MAX);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never cuts inside a surrogate pair', () => {
    for (let pad = 0; pad < 4; pad++) {
      const cut = boundLine(`${'z'.repeat(pad)}${'\ud83d\ude00'.repeat(200)}`);
      expect(cut.length).toBeLessThanOrEqual(MESSAGE_MAX);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});
