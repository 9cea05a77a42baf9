import { describe, expect, it } from 'vitest';
import { IntWriter } from './int-writer';
import { KeyTable } from './key-table';
import { exactVisitedSet, hashedVisitedSet } from './visited-set';

describe('KeyTable', () => {
  it('keeps every key across growth and tells new keys from old ones', () => {
    const table = new KeyTable(16);
    let added = 0;
    for (let i = 1; i <= 50_000; i++) if (table.add(i * 7919, i)) added++;
    expect(added).toBe(50_000);
    expect(table.size).toBe(50_000);
    let again = 0;
    for (let i = 1; i <= 50_000; i++) if (table.add(i * 7919, i)) again++;
    expect(again).toBe(0);
    expect(table.bytes).toBe(131_072 * 8);
  });

  it('tells apart keys whose high halves collide', () => {
    const table = new KeyTable(16);
    expect(table.add(5, 1)).toBe(true);
    expect(table.add(5, 2)).toBe(true);
    expect(table.add(5, 1)).toBe(false);
    expect(table.size).toBe(2);
  });
});

describe('visited sets', () => {
  it('agree on which of many encodings are new', () => {
    const hashed = hashedVisitedSet();
    const exact = exactVisitedSet();
    const w = new IntWriter(2);
    let disagreements = 0;
    for (let i = 0; i < 20_000; i++) {
      w.reset();
      for (const v of [i % 97, (i * 31) % 89, i % 3, -i % 5]) w.push(v);
      if (hashed.add(w) !== exact.add(w)) disagreements++;
    }
    expect(disagreements).toBe(0);
    expect(hashed.size).toBe(exact.size);
    expect(hashed.size).toBeGreaterThan(1000);
  });

  it('distinguish encodings that differ only in length', () => {
    const set = hashedVisitedSet();
    const w = new IntWriter();
    w.push(0);
    expect(set.add(w)).toBe(true);
    w.push(0);
    expect(set.add(w)).toBe(true);
  });
});
