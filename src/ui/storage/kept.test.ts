import { describe, expect, it } from 'vitest';
import { forget, type KeptStorage, keep, recall } from './kept';
import { objectShape, schedulePairShape, stringListShape } from './kept-shapes';
import { MAX_KEPT_CHARS } from './kept-text';

function memory(): KeptStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const broken: KeptStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('kept values', () => {
  it('round-trips a value through storage and its shape', () => {
    const storage = memory();
    keep('k', { a: '1 2', b: '2 1' }, storage);
    expect(recall('k', schedulePairShape, storage)).toEqual({ a: '1 2', b: '2 1' });
    forget('k', storage);
    expect(recall('k', schedulePairShape, storage)).toBeNull();
  });

  it('never throws on broken storage, and refuses corrupt, deep, oversized or mis-shaped text', () => {
    expect(() => keep('k', { a: 'x', b: 'y' }, broken)).not.toThrow();
    expect(recall('k', objectShape, broken)).toBeNull();
    expect(() => forget('k', broken)).not.toThrow();
    const storage = memory();
    for (const text of ['{not json', '['.repeat(50) + ']'.repeat(50), `"${'x'.repeat(MAX_KEPT_CHARS)}"`, '[1,2]']) {
      storage.data.set('k', text);
      expect(recall('k', objectShape, storage)).toBeNull();
    }
    storage.data.set('k', JSON.stringify(['a', 3]));
    expect(recall('k', stringListShape(4, 10), storage)).toBeNull();
  });

  it('skips a value too large to keep instead of keeping a part of it', () => {
    const storage = memory();
    storage.data.set('k', '{"old":1}');
    keep('k', { text: 'x'.repeat(MAX_KEPT_CHARS) }, storage);
    expect(storage.data.has('k')).toBe(false);
  });
});
