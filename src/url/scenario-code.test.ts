import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeScenario } from './scenario-code';

describe('decodeScenario: what the refusal says', () => {
  it('says a decompression bomb decompressed, and to how much', () => {
    const code = compressToEncodedURIComponent(`{"id":"${'a'.repeat(5_000_000)}"}`);
    expect(code.length).toBeLessThan(6000);
    const decoded = decodeScenario(code);
    expect(decoded).toEqual({
      ok: false,
      error: 'Its edited scenario decompresses to 5000009 characters; a scenario is at most 64000.',
    });
  });

  it('says "does not decompress" only when it does not', () => {
    expect(decodeScenario('!!!')).toEqual({
      ok: false,
      error: 'Its edited scenario is damaged (it does not decompress).',
    });
  });

  it('passes decompressed text through the capped parse: deep nesting is refused as such', () => {
    const decoded = decodeScenario(compressToEncodedURIComponent(`${'['.repeat(50)}${']'.repeat(50)}`));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(/^Its edited scenario is refused: scenario: JSON nested deeper/);
  });
});
