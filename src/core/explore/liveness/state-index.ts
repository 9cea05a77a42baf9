import { hash64, key64 } from '../engine/hash64';
import type { IntWriter } from '../engine/int-writer';

/** The states seen so far, each with its id, keyed by encoding (the liveness graph needs the id of a known state). */
export interface StateIndex {
  /** The id of the state encoded in `w`, or -1 after recording it under `id` because it was new. */
  idOrAdd(w: IntWriter, id: number): number;
  readonly bytes: number;
}

/**
 * 64-bit keys (as `visited-set.ts`, with the same collision odds) in an open-addressing table with linear probing,
 * plus an Int32 id per slot; the pair (0, 0) marks an empty slot, so a key of (0, 0) is stored as (0, 1).
 */
export function hashedStateIndex(): StateIndex {
  let keys = new Uint32Array(1 << 11);
  let ids = new Int32Array(1 << 10);
  let mask = (1 << 10) - 1;
  let size = 0;
  const place = (hi: number, lo: number, id: number): number => {
    let slot = hi & mask;
    for (;;) {
      const a = keys[slot * 2] as number;
      const b = keys[slot * 2 + 1] as number;
      if (a === 0 && b === 0) {
        keys[slot * 2] = hi;
        keys[slot * 2 + 1] = lo;
        ids[slot] = id;
        return -1;
      }
      if (a === hi && b === lo) return ids[slot] as number;
      slot = (slot + 1) & mask;
    }
  };
  const grow = () => {
    const oldKeys = keys;
    const oldIds = ids;
    keys = new Uint32Array(oldKeys.length * 2);
    ids = new Int32Array(oldIds.length * 2);
    mask = oldIds.length * 2 - 1;
    for (let s = 0; s < oldIds.length; s++) {
      const a = oldKeys[s * 2] as number;
      const b = oldKeys[s * 2 + 1] as number;
      if (a !== 0 || b !== 0) place(a, b, oldIds[s] as number);
    }
  };
  return {
    idOrAdd(w, id) {
      if (size * 2 >= mask + 1) grow();
      hash64(w.buf, w.len);
      const hi = key64[0] as number;
      const lo = key64[1] as number;
      const found = place(hi, hi === 0 && lo === 0 ? 1 : lo, id);
      if (found < 0) size++;
      return found;
    },
    get bytes() {
      return keys.byteLength + ids.byteLength;
    },
  };
}

/** Full encodings as string keys: no collisions, slow (tests and cross-checks). */
export function exactStateIndex(): StateIndex {
  const ids = new Map<string, number>();
  let chars = 0;
  return {
    idOrAdd(w, id) {
      const key = w.key();
      const found = ids.get(key);
      if (found !== undefined) return found;
      ids.set(key, id);
      chars += key.length;
      return -1;
    },
    get bytes() {
      return chars * 2 + ids.size * 8;
    },
  };
}
