import { generateCodec } from './codegen';
import { bitsFor, type Field, type RecordField } from './fields';

type Obj = Record<string, unknown>;

function outOfBounds(value: unknown, what: string): never {
  // Typed arrays would drop or wrap an out-of-range value silently: it must fail loudly, not merge two states.
  throw new RangeError(`state value ${String(value)} is outside the schema's ${what}`);
}

/** Upper bound of the bits a value of `field` takes (every list at its longest). */
function maxBits(field: Field): number {
  switch (field.kind) {
    case 'int':
      return bitsFor(field.min, field.max);
    case 'bool':
      return 1;
    case 'enum':
      return bitsFor(0, field.values.length - 1);
    case 'list':
      return bitsFor(0, field.maxLength) + field.maxLength * maxBits(field.item as Field);
    case 'record':
      return Object.values(field.fields as Record<string, Field>).reduce((sum, f) => sum + maxBits(f), 0);
    case 'model':
    case 'history':
      return 0;
  }
}

/** A deep copy: model fields shared, history fields copied as their schema says. */
function cloneField(field: Field, value: unknown): unknown {
  switch (field.kind) {
    case 'list': {
      const list = value as readonly unknown[];
      const copy = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) copy[i] = cloneField(field.item as Field, list[i]);
      return copy;
    }
    case 'record': {
      const from = value as Obj;
      const o: Obj = {};
      for (const [key, f] of Object.entries(field.fields as Record<string, Field>)) o[key] = cloneField(f, from[key]);
      return o;
    }
    case 'history':
      return field.copy ? field.copy(value) : value;
    default:
      return value;
  }
}

/** Encode, decode, clone and sizes of a state type, all derived from its one schema. */
export interface Codec<T, M> {
  /** Words (32-bit) of the longest possible encoding. */
  readonly maxWords: number;
  /** Packs every fingerprint field of `value` into buf from `at`; returns the index after the last word. */
  encode(value: T, buf: Int32Array, at: number): number;
  /** Rebuilds a value from buf[at, end), writing into `into` (no allocation when its shape matches) when given. */
  decode(buf: Int32Array, at: number, end: number, depth: number, model: M, into?: T): T;
  clone(value: T): T;
  /** Copies `from` into `into`, reusing its objects and lists; history fields come back as decoding gives them. */
  copyInto(from: T, into: T, depth: number): void;
}

export function compileSchema<T, M>(schema: RecordField<T>): Codec<T, M> {
  const root = schema as RecordField<object> as Field;
  const generated = generateCodec<T, M>(schema, outOfBounds);
  return {
    maxWords: Math.ceil(maxBits(root) / 32),
    encode: generated.encode,
    decode(buf, at, end, depth, model, into) {
      const value = generated.decode(buf, at, into, depth, model);
      const read = generated.lastEnd();
      if (read !== end) throw new RangeError(`state encoding of ${end - at} words was read as ${read - at}`);
      return value;
    },
    clone: (value) => cloneField(root, value) as T,
    copyInto: (from, into, depth) => {
      generated.copy(from, into, depth);
    },
  };
}
