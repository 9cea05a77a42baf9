import type { State } from '../types';
import type { RecordField } from './fields';
import { STATE_SCHEMA } from './state-schema';
import { generateWordCode, type WriteLog } from './word-codegen';
import { layoutRecord } from './word-layout';

type Params = readonly number[];
interface ScalarAccessor<V, I extends Params> {
  get(w: Int32Array, ...ix: I): V;
  set(w: Int32Array, ...args: [...I, V]): void;
}
type ListAccessor<E, I extends Params> = {
  length(w: Int32Array, ...ix: I): number;
  /** Shrinking clears the dropped items' words, so the words in use stay canonical. */
  setLength(w: Int32Array, ...args: [...I, number]): void;
} & ItemAccessor<E, [...I, number]>;
type ItemAccessor<E, I extends Params> = [E] extends [readonly (infer F)[]]
  ? { readonly item: ListAccessor<F, I> }
  : [E] extends [boolean | number | string]
    ? ScalarAccessor<E, I>
    : RecordAccessor<E, I>;
type Accessor<V, I extends Params> = [V] extends [boolean]
  ? ScalarAccessor<boolean, I>
  : [V] extends [number | string]
    ? ScalarAccessor<V, I>
    : [V] extends [readonly (infer E)[]]
      ? ListAccessor<E, I>
      : RecordAccessor<V, I>;
type RecordAccessor<T, I extends Params> = { readonly [K in keyof T]-?: Accessor<T[K], I> };

/** The fields of a state that have words: everything but the model and the history (scenario, time, counters, findings). */
export type WordFields = Omit<State, 'scenario' | 'time' | 'counters' | 'findings'>;

function outOfBounds(value: unknown, what: string): never {
  throw new RangeError(`state value ${String(value)} is outside the word layout's ${what}`);
}

const LAYOUT = layoutRecord(STATE_SCHEMA as RecordField<object>);

/** Words of the fixed layout (every list at its schema bound); the packed machine's states have one word more, `time`. */
export const STATE_WORDS = LAYOUT.words;

/**
 * Every word the accessors `W` write, for the packed machine (which resets `n` before a step and restores and rehashes
 * only those words). `packState` sets `n` past the log's length: anything may have changed.
 */
export const WORD_WRITES: WriteLog = { log: new Int32Array(1024), n: 0 };

const code = generateWordCode(LAYOUT, STATE_WORDS, outOfBounds, WORD_WRITES);

/**
 * Get and set of every field of a state held as words (`W.vhost.seq.get(w)`, `W.frames.refcount.set(w, f, n)`,
 * `W.threads.locals.refs.get(w, t, i)`), each a constant word and shift; generated once per process from the schema.
 */
export const W = code.accessors as RecordAccessor<WordFields, []>;

/** A state's words, with `time` in the word after the layout. */
export function newStateWords(): Int32Array {
  return new Int32Array(STATE_WORDS + 1);
}

/** Object → words (the whole layout is rewritten; `time` too). */
export function packState(s: State, w: Int32Array): void {
  code.pack(s, w);
  w[STATE_WORDS] = s.time;
}

/** Words → object: every field with words, and `time`; the scenario, counters and findings are left as they are. */
export function unpackState(w: Int32Array, into: State): void {
  code.unpack(w, into);
  into.time = w[STATE_WORDS] ?? 0;
}

/** The words in use (lists cut to their lengths), appended to `out` from `at`: the key a visited set hashes. */
export const compactWords: (w: Int32Array, out: Int32Array, at: number) => number = code.compact;

/** Inverse of `compactWords` into `w` (cleared first); returns the end of what it read. `time` is left alone. */
export const expandWords: (src: Int32Array, at: number, w: Int32Array) => number = code.expand;
