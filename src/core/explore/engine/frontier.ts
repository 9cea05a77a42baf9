import type { IntWriter } from './int-writer';

/** One BFS level waiting to be expanded: the states and their indices in the parent log. */
export interface Level<S> {
  readonly size: number;
  push(state: S, w: IntWriter, id: number): void;
  state(i: number, depth: number): S;
  id(i: number): number;
  clear(): void;
  /** Bytes held for the level's encodings (0 when the level keeps live objects). */
  readonly bytes: number;
}

/** Keeps the state objects themselves: no decoding, but each state costs its full object graph. */
export function objectLevel<S>(): Level<S> {
  let states: S[] = [];
  let ids: number[] = [];
  return {
    get size() {
      return states.length;
    },
    push(state, _w, id) {
      states.push(state);
      ids.push(id);
    },
    state: (i) => states[i] as S,
    id: (i) => ids[i] as number,
    clear() {
      states = [];
      ids = [];
    },
    bytes: 0,
  };
}

export type Decode<S> = (buf: Int32Array, start: number, end: number, depth: number) => S;

/**
 * Ints of an arena chunk (16 KB: a level's unused tail is at most one chunk, and the level ring holds six levels).
 * Growing a level never copies encodings, so no push takes long.
 */
const CHUNK_INTS = 1 << 12;

/** Longest encoding a level keeps: its length is stored in 16 bits. */
const MAX_ENCODING_INTS = 0xffff;
/** Chunks a level may hold: a state's place is its chunk × CHUNK_INTS + offset, in one int32. */
const MAX_CHUNKS = 2 ** 31 / CHUNK_INTS;

/** Keeps only each state's encoding in an arena of chunks, and decodes a state when it is expanded. */
export function encodedLevel<S>(decode: Decode<S>): Level<S> {
  const chunks: Int32Array<ArrayBuffer>[] = [new Int32Array(1 << 12)];
  let chunk = 0;
  let used = 0;
  // Per state, 10 bytes: where its encoding is (chunk and offset), its length, and its parent-log id.
  let places = new Int32Array(1 << 8);
  let lengths = new Uint16Array(1 << 8);
  let ids = new Int32Array(1 << 8);
  let count = 0;
  return {
    get size() {
      return count;
    },
    push(_state, w, id) {
      const n = w.len;
      if (n > MAX_ENCODING_INTS) throw new RangeError(`an encoding of ${n} ints is longer than a level keeps`);
      // A place's offset stays below CHUNK_INTS, even in a longer chunk kept for one long encoding and reused.
      if (used + n > (chunks[chunk]?.length ?? 0) || used >= CHUNK_INTS) {
        chunk++;
        used = 0;
        if (chunk >= MAX_CHUNKS) throw new RangeError('a level outgrew its chunks');
        const size = Math.min(CHUNK_INTS, 2 * (chunks[chunk - 1]?.length ?? 0));
        if ((chunks[chunk]?.length ?? 0) < n) chunks[chunk] = new Int32Array(Math.max(size, n));
      }
      if (count >= ids.length) {
        places = grown(places);
        ids = grown(ids);
        const longer = new Uint16Array(lengths.length * 2);
        longer.set(lengths);
        lengths = longer;
      }
      const to = chunks[chunk] as Int32Array;
      const from = w.buf;
      for (let k = 0; k < n; k++) to[used + k] = from[k] as number;
      places[count] = chunk * CHUNK_INTS + used;
      lengths[count] = n;
      ids[count] = id;
      used += n;
      count++;
    },
    state(i, depth) {
      const place = places[i] as number;
      const start = place % CHUNK_INTS;
      const buf = chunks[(place - start) / CHUNK_INTS] as Int32Array;
      return decode(buf, start, start + (lengths[i] as number), depth);
    },
    id: (i) => ids[i] as number,
    clear() {
      count = 0;
      chunk = 0;
      used = 0;
    },
    get bytes() {
      return chunks.reduce((sum, c) => sum + c.byteLength, 0) + places.byteLength + lengths.byteLength + ids.byteLength;
    },
  };
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
