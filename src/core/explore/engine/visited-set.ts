import { hash64, key64 } from './hash64';
import type { IntWriter } from './int-writer';
import { KeyTable } from './key-table';

/** The set of states already seen, keyed by their encoding. */
export interface VisitedSet {
  /** Adds the encoding in `w`; true when it is new. */
  add(w: IntWriter): boolean;
  /** Whether the encoding in `w` was added before. */
  has(w: IntWriter): boolean;
  /** Adds the key already in `key64` (hashed sets only); true when it is new. */
  addKey?(): boolean;
  /** Whether the key already in `key64` was added before (hashed sets only). */
  hasKey?(): boolean;
  readonly size: number;
  /** Bytes held by the set's own storage. */
  readonly bytes: number;
}

/**
 * Hash compaction: each state is stored as a 64-bit key, never as its encoding. Two distinct states with the same
 * key would be merged and the second one's successors never explored (a silent under-approximation). With n states
 * the chance of any collision is about n²/2⁶⁵: ~1e-7 at 2M states, ~3e-6 at 10M. `exact: true` rules it out in tests.
 */
export function hashedVisitedSet(initialSlots?: number): VisitedSet {
  const table = new KeyTable(initialSlots);
  const addKey = () => {
    const hi = key64[0] as number;
    const lo = key64[1] as number;
    return table.add(hi, hi === 0 && lo === 0 ? 1 : lo);
  };
  const hasKey = () => {
    const hi = key64[0] as number;
    const lo = key64[1] as number;
    return table.has(hi, hi === 0 && lo === 0 ? 1 : lo);
  };
  return {
    add(w) {
      hash64(w.buf, w.len);
      return addKey();
    },
    has(w) {
      hash64(w.buf, w.len);
      return hasKey();
    },
    addKey,
    hasKey,
    get size() {
      return table.size;
    },
    get bytes() {
      return table.bytes;
    },
  };
}

/** Stores every full encoding as a string: slow and large, but free of collisions (tests and cross-checks). */
export function exactVisitedSet(): VisitedSet {
  const seen = new Set<string>();
  let chars = 0;
  return {
    add(w) {
      const key = w.key();
      if (seen.has(key)) return false;
      seen.add(key);
      chars += key.length;
      return true;
    },
    has: (w) => seen.has(w.key()),
    get size() {
      return seen.size;
    },
    get bytes() {
      return chars * 2;
    },
  };
}
