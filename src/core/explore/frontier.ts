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

/** Keeps only each state's encoding in one growable arena, and decodes a state when it is expanded. */
export function encodedLevel<S>(decode: Decode<S>): Level<S> {
  let data = new Int32Array(1 << 12);
  let starts = new Int32Array(1 << 8);
  let ids = new Int32Array(1 << 8);
  let count = 0;
  let used = 0;
  return {
    get size() {
      return count;
    },
    push(_state, w, id) {
      const n = w.len;
      if (used + n > data.length) data = grown(data, used + n);
      if (count + 1 >= starts.length) {
        starts = grown(starts, count + 2);
        ids = grown(ids, count + 2);
      }
      const to = data;
      const from = w.buf;
      for (let k = 0; k < n; k++) to[used + k] = from[k] as number;
      starts[count] = used;
      ids[count] = id;
      used += n;
      count++;
      starts[count] = used;
    },
    state: (i, depth) => decode(data, starts[i] as number, starts[i + 1] as number, depth),
    id: (i) => ids[i] as number,
    clear() {
      count = 0;
      used = 0;
    },
    get bytes() {
      return data.byteLength + starts.byteLength + ids.byteLength;
    },
  };
}

function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  let length = a.length * 2;
  while (length < atLeast) length *= 2;
  const next = new Int32Array(length);
  next.set(a);
  return next;
}
