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
  /** Hands the level's storage to its chunk pool, if it has one; the level is not used again. */
  release?(): void;
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

/**
 * Arena chunks that levels gave back once expanded, for the levels filled after them: a big search then allocates
 * (and page-faults in) only as many chunks as its levels in flight ever hold at once, not a new set per level.
 */
export class ChunkPool {
  private readonly spare: Int32Array<ArrayBuffer>[] = [];

  /** A chunk of CHUNK_INTS ints, given back before or new (its contents are stale: a level writes before reading). */
  take(): Int32Array<ArrayBuffer> {
    return this.spare.pop() ?? new Int32Array(CHUNK_INTS);
  }

  /** Keeps `chunk` for reuse; a longer one (kept for one long encoding) is dropped. */
  give(chunk: Int32Array<ArrayBuffer>): void {
    if (chunk.length === CHUNK_INTS) this.spare.push(chunk);
  }

  /** Bytes of the chunks waiting to be reused. */
  get bytes(): number {
    return this.spare.length * CHUNK_INTS * 4;
  }
}

/**
 * Keeps only each state's encoding in an arena of chunks, and decodes a state when it is expanded. With a pool, its
 * chunks come from it and go back to it on `release`.
 */
export function encodedLevel<S>(decode: Decode<S>, pool?: ChunkPool): Level<S> {
  return new EncodedLevel(decode, pool);
}

/**
 * `encodedLevel` as a class: its fields, unlike a closure's variables, stay in registers across `push`'s copy loop,
 * and the chunk being filled is held directly.
 */
class EncodedLevel<S> implements Level<S> {
  private readonly chunks: Int32Array<ArrayBuffer>[];
  // Bytes of all chunks, kept as they are added: the search asks for `bytes` every few hundred states.
  private chunkBytes = CHUNK_INTS * 4;
  private current: Int32Array<ArrayBuffer>;
  private chunk = 0;
  private used = 0;
  // Per state, 10 bytes: where its encoding is (chunk and offset), its length, and its parent-log id.
  private places = new Int32Array(1 << 8);
  private lengths = new Uint16Array(1 << 8);
  private ids = new Int32Array(1 << 8);
  private count = 0;

  constructor(
    private readonly decode: Decode<S>,
    private readonly pool?: ChunkPool,
  ) {
    this.current = pool ? pool.take() : new Int32Array(CHUNK_INTS);
    this.chunks = [this.current];
  }

  get size(): number {
    return this.count;
  }

  push(_state: S, w: IntWriter, id: number): void {
    const n = w.len;
    if (n > MAX_ENCODING_INTS) throw new RangeError(`an encoding of ${n} ints is longer than a level keeps`);
    let used = this.used;
    let to = this.current;
    // A place's offset stays below CHUNK_INTS, even in a longer chunk kept for one long encoding and reused.
    if (used + n > to.length || used >= CHUNK_INTS) {
      to = this.nextChunk(n);
      used = 0;
    }
    const count = this.count;
    if (count >= this.ids.length) this.grow();
    const from = w.buf;
    for (let k = 0; k < n; k++) to[used + k] = from[k] as number;
    this.places[count] = this.chunk * CHUNK_INTS + used;
    this.lengths[count] = n;
    this.ids[count] = id;
    this.used = used + n;
    this.count = count + 1;
  }

  state(i: number, depth: number): S {
    const place = this.places[i] as number;
    const start = place % CHUNK_INTS;
    const buf = this.chunks[(place - start) / CHUNK_INTS] as Int32Array;
    return this.decode(buf, start, start + (this.lengths[i] as number), depth);
  }

  id(i: number): number {
    return this.ids[i] as number;
  }

  clear(): void {
    this.count = 0;
    this.chunk = 0;
    this.used = 0;
    this.current = this.chunks[0] as Int32Array<ArrayBuffer>;
  }

  get bytes(): number {
    return this.places.byteLength + this.lengths.byteLength + this.ids.byteLength + this.chunkBytes;
  }

  release(): void {
    if (this.pool) for (const chunk of this.chunks) this.pool.give(chunk);
    this.chunks.length = 0;
    this.chunkBytes = 0;
    this.count = 0;
  }

  /** Moves to the next chunk (CHUNK_INTS ints, or `n` for a longer encoding), reusing one kept from before. */
  private nextChunk(n: number): Int32Array<ArrayBuffer> {
    this.chunk++;
    if (this.chunk >= MAX_CHUNKS) throw new RangeError('a level outgrew its chunks');
    let next = this.chunks[this.chunk];
    if (!next || next.length < n) {
      this.chunkBytes -= next?.byteLength ?? 0;
      next = n <= CHUNK_INTS && this.pool ? this.pool.take() : new Int32Array(Math.max(CHUNK_INTS, n));
      this.chunks[this.chunk] = next;
      this.chunkBytes += next.byteLength;
    }
    this.current = next;
    return next;
  }

  private grow(): void {
    this.places = grown(this.places);
    this.ids = grown(this.ids);
    const longer = new Uint16Array(this.lengths.length * 2);
    longer.set(this.lengths);
    this.lengths = longer;
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
