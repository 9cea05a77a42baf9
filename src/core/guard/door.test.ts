import { describe, expect, it } from 'vitest';
import { validateScenario } from '../validate';
import { openStoredJson, openUntrustedJson } from './door';
import { checkScenarioShape, FORMAT_LISTS } from './scenario-shape';

const base = { format: 1, id: 'mine', design: 'kmap-seq', mm: [{ kind: 'munmap' }] };

describe('openUntrustedJson with the scenario-shape check', () => {
  it('lets an unfinished scenario through for the editor to show its problems', () => {
    const answer = openUntrustedJson(JSON.stringify({ ...base, ringSize: 300 }), checkScenarioShape);
    expect(answer).toMatchObject({ ok: true, value: { ringSize: 300 } });
  });

  it('refuses what is not a JSON object, text over the cap, and anything but a string', () => {
    expect(openUntrustedJson('[1]', checkScenarioShape)).toEqual({
      ok: false,
      message: 'scenario: expected a JSON object.',
    });
    expect(openUntrustedJson(`{"mm":[${'{},'.repeat(40_000)}{}]}`, checkScenarioShape)).toMatchObject({
      ok: false,
      message: /^scenario: 120\d+ characters of JSON; at most 65536\.$/,
    });
    expect(openUntrustedJson(null, checkScenarioShape)).toEqual({ ok: false, message: 'scenario: not text.' });
  });

  it('refuses each list of the format one item past its bound, as the validator does', () => {
    for (const { path, max } of FORMAT_LISTS) {
      const list = Array(max + 1).fill(0);
      const data = path.startsWith('expect.')
        ? { ...base, expect: { [path.slice(7)]: list } }
        : { ...base, [path]: list };
      const answer = openUntrustedJson(JSON.stringify(data), checkScenarioShape);
      expect(answer).toEqual({
        ok: false,
        message: `${path}: a list of ${max + 1} items; the format allows at most ${max}.`,
      });
      const validated = validateScenario(data);
      expect(validated.ok).toBe(false);
      if (!validated.ok) expect(validated.errors.join(' ')).toContain(path);
    }
  });

  it('never throws, even when the check does', () => {
    const answer = openUntrustedJson('{}', () => {
      throw new Error('bug');
    });
    expect(answer).toEqual({ ok: false, message: 'scenario: the data could not be checked.' });
  });
});

describe('openStoredJson', () => {
  const store = (text: string | null) => ({ getItem: () => text });
  it('reads a stored draft through the same caps and check', () => {
    expect(openStoredJson(store(JSON.stringify(base)), 'k', checkScenarioShape)).toMatchObject({
      ok: true,
      value: { id: 'mine' },
    });
    expect(openStoredJson(store(`{"mm":${'['.repeat(5000)}`), 'k', checkScenarioShape)).toEqual({
      ok: false,
      message: 'scenario: JSON nested deeper than 8 levels.',
    });
  });

  it('answers storage that is missing, empty or throws without throwing', () => {
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(openStoredJson(throwing, 'k', checkScenarioShape)).toEqual({
      ok: false,
      message: 'storage: it could not be read.',
    });
    expect(openStoredJson(null, 'k', checkScenarioShape).ok).toBe(false);
    expect(openStoredJson(store(null), 'k', checkScenarioShape)).toEqual({
      ok: false,
      message: 'storage: nothing stored.',
    });
  });
});
