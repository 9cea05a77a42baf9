import { ChunkPool, type Level } from './frontier';
import { key64 } from './hash64';
import type { IntWriter } from './int-writer';
import { KeyTable } from './key-table';

/**
 * The levels still to expand, by distance from the initial state: the current one and the next `span - 1`. A step
 * reaches the next level; a chain of steps (docs/partial-order.md) reaches one level per step. With `keyed`, each
 * level also keeps its states' keys until it is expanded, so the cycle proviso can ask whether a state already
 * found lies deeper than the current level. The key of the state pushed or asked about is the one the search's
 * lookup left in `key64` (state-lookup.ts), or, with `exact`, its encoding in `w`.
 */
export class LevelRing<S> {
  private readonly levels: Level<S>[];
  private readonly keys: (KeyTable | Set<string>)[];
  private pending = 0;
  /** Chunks of levels already expanded, reused by the levels filled next (see `end`). */
  private readonly pool = new ChunkPool();
  /** A new level's and key table's bytes: storage that grew past them is dropped when its level is done. */
  private readonly firstLevelBytes: number;
  private readonly firstKeyBytes: number;

  constructor(
    readonly span: number,
    private readonly makeLevel: (pool: ChunkPool) => Level<S>,
    keyed: boolean,
    private readonly exact: boolean,
  ) {
    this.levels = Array.from({ length: span }, () => makeLevel(this.pool));
    this.keys = keyed ? Array.from({ length: span }, () => (exact ? new Set<string>() : new KeyTable())) : [];
    this.firstLevelBytes = this.levels[0]?.bytes ?? 0;
    this.firstKeyBytes = this.keys[0] instanceof KeyTable ? this.keys[0].bytes : 0;
  }

  at(depth: number): Level<S> {
    return this.levels[depth % this.span] as Level<S>;
  }

  /** Queues a state at `depth` (less than `span` levels past the current one). */
  push(depth: number, state: S, w: IntWriter, id: number): void {
    this.at(depth).push(state, w, id);
    this.pending++;
    const keys = this.keys[depth % this.span];
    if (keys instanceof Set) keys.add(w.key());
    else keys?.add(key64[0] as number, lo());
  }

  /** Is the state last looked up (keyed in `key64`, or with `exact` encoded in `w`) queued deeper than `depth`? */
  queuedAfter(w: IntWriter, depth: number): boolean {
    if (this.keys.length === 0) return false;
    const key = this.exact ? w.key() : '';
    for (let d = depth + 1; d < depth + this.span; d++) {
      const keys = this.keys[d % this.span];
      if (keys instanceof Set ? keys.has(key) : keys?.has(key64[0] as number, lo())) return true;
    }
    return false;
  }

  /**
   * Level `depth` is about to be expanded: it no longer counts as deeper than the current one. A key table that
   * grew is replaced, not cleared (six tables each kept at its own peak would hold more than the levels in flight
   * need); one still at its first size is cleared and kept, so a small search allocates no table per level.
   */
  begin(depth: number): void {
    const i = depth % this.span;
    const keys = this.keys[i];
    if (keys instanceof Set) keys.clear();
    else if (keys && keys.size > 0) {
      if (keys.bytes > this.firstKeyBytes) this.keys[i] = new KeyTable();
      else keys.clear();
    }
  }

  /**
   * Level `depth` was expanded: its states leave the queue. Storage that grew goes: its chunks to the pool, for the
   * levels filled next (allocating them anew per level cost a page fault per 4 KB), the rest to the collector. A
   * level still at its first size is cleared and kept (see `begin`).
   */
  end(depth: number): void {
    const i = depth % this.span;
    const level = this.levels[i] as Level<S>;
    this.pending -= level.size;
    if (level.size === 0) return;
    if (level.bytes > this.firstLevelBytes) {
      level.release?.();
      this.levels[i] = this.makeLevel(this.pool);
    } else level.clear();
  }

  /** States queued and not yet expanded. */
  get size(): number {
    return this.pending;
  }

  get bytes(): number {
    let bytes = this.pool.bytes;
    for (const level of this.levels) bytes += level.bytes;
    for (const keys of this.keys) bytes += keys instanceof KeyTable ? keys.bytes : 0;
    return bytes;
  }
}

/** The low half of a key, never (0, 0) together with the high half: `KeyTable` keeps that pair for empty slots. */
const lo = () => ((key64[0] as number) === 0 && (key64[1] as number) === 0 ? 1 : (key64[1] as number));
