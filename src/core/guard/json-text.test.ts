import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingDepth, parseUntrustedJson } from './json-text';

describe('parseUntrustedJson', () => {
  it('refuses 5,000-deep nesting from the raw text, before JSON.parse', () => {
    const text = `{"format":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const parsed = parseUntrustedJson(text);
    expect(parsed).toEqual({
      ok: false,
      error: { problem: 'too-deep', path: '', message: 'scenario: JSON nested deeper than 8 levels.' },
    });
  });

  it('refuses text over the cap by its length alone', () => {
    const parsed = parseUntrustedJson(`"${'x'.repeat(70_000)}"`);
    expect(parsed.ok || parsed.error.problem).toBe('too-large');
  });

  it('reports malformed JSON on one escaped line', () => {
    const parsed = parseUntrustedJson('{"id": "a\u001b[31m\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.problem).toBe('not-json');
      expect(parsed.error.message).toMatch(/^scenario: malformed JSON: /);
      expect(parsed.error.message).not.toMatch(/\p{Cc}/u);
    }
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(nestingDepth('{"a": "[[[[{{{{\\"[[[", "b": [1, {"c": 2}]}')).toBe(3);
  });

  it('gives the same value as JSON.parse for any small JSON value', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small', maxDepth: 5 }), (text) => {
        const parsed = parseUntrustedJson(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });
});
