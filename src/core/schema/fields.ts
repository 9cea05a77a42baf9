/**
 * The vocabulary a state is declared in: bounded ints, bools, closed enums, bounded lists and records, plus two
 * kinds kept out of the fingerprint: `model` (the run's constant compiled scenario, carried by reference) and
 * `history` (time, counters, findings: what happened, never what happens next).
 */
export interface IntField {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
}

export interface BoolField {
  readonly kind: 'bool';
}

export interface EnumField<V extends string> {
  readonly kind: 'enum';
  /** Every value of the union, in code order (the code is the index). */
  readonly values: readonly V[];
}

export interface ListField<E> {
  readonly kind: 'list';
  readonly maxLength: number;
  readonly item: FieldOf<E>;
}

export interface RecordField<T> {
  readonly kind: 'record';
  readonly fields: Schema<T>;
}

export interface ModelField {
  readonly kind: 'model';
}

export interface HistoryField<V> {
  readonly kind: 'history';
  /** The value a decoded state gets back, `depth` being the steps taken to reach it; may reuse `previous`. */
  readonly reset: (depth: number, previous?: V) => V;
  /** How a clone copies it (default: shared, for numbers and append-only lists). */
  readonly copy?: (value: V) => V;
}

/** The field kinds that fit a value type; wrapped in a tuple so that unions such as `boolean` do not distribute. */
export type FieldOf<V> = [V] extends [boolean]
  ? BoolField | HistoryField<V>
  : [V] extends [number]
    ? IntField | HistoryField<V>
    : [V] extends [string]
      ? EnumField<V & string>
      : [V] extends [readonly (infer E)[]]
        ? ListField<E> | HistoryField<V>
        : [V] extends [object]
          ? RecordField<V> | ModelField | HistoryField<V>
          : never;

/** One field per key of `T`, none optional: a field added to `T` does not compile until it is declared here. */
export type Schema<T> = { readonly [K in keyof T]-?: FieldOf<T[K]> };

export type Field =
  | IntField
  | BoolField
  | EnumField<string>
  | ListField<unknown>
  | RecordField<object>
  | ModelField
  | HistoryField<unknown>;

export const int = (min: number, max: number): IntField => ({ kind: 'int', min, max });
export const bool: BoolField = { kind: 'bool' };
export const model: ModelField = { kind: 'model' };

/** A closed enum declared as an object with every member as a key, so a missing member is a type error. */
export function enumOf<V extends string>(members: Record<V, true>): EnumField<V> {
  return { kind: 'enum', values: Object.keys(members) as V[] };
}

export function list<E>(maxLength: number, item: FieldOf<E>): ListField<E> {
  return { kind: 'list', maxLength, item };
}

export function record<T>(fields: Schema<T>): RecordField<T> {
  return { kind: 'record', fields };
}

export function history<V>(reset: (depth: number, previous?: V) => V, copy?: (value: V) => V): HistoryField<V> {
  return copy ? { kind: 'history', reset, copy } : { kind: 'history', reset };
}

/** Bits an int from `min` to `max` takes once offset by `min`. */
export function bitsFor(min: number, max: number): number {
  return max <= min ? 0 : 32 - Math.clz32(max - min);
}
