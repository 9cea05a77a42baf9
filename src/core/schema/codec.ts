import { beginRead, beginWrite, endRead, endWrite, get, put } from './bits';
import { bitsFor, type Field, type RecordField } from './fields';

/** What a schema compiles to: one node per field, each able to encode, decode (into a reused value) and clone. */
interface Node {
  /** Upper bound of the bits a value takes (every list at its longest). */
  readonly maxBits: number;
  enc(value: unknown): void;
  /** Decodes a value, reusing `into` (an object or array of the same shape) when given. */
  dec(into: unknown, depth: number, model: unknown): unknown;
  clone(value: unknown): unknown;
}

type Obj = Record<string, unknown>;

function outOfBounds(value: unknown, what: string): never {
  // Typed arrays would drop or wrap an out-of-range value silently: it must fail loudly, not merge two states.
  throw new RangeError(`state value ${String(value)} is outside the schema's ${what}`);
}

function intNode(min: number, max: number): Node {
  const bits = bitsFor(min, max);
  return {
    maxBits: bits,
    enc(value) {
      const v = value as number;
      if (!(v >= min && v <= max)) outOfBounds(value, `int ${min}..${max}`);
      put(v - min, bits);
    },
    dec: () => get(bits) + min,
    clone: (value) => value,
  };
}

const boolNode: Node = {
  maxBits: 1,
  enc: (value) => put(value ? 1 : 0, 1),
  dec: () => get(1) === 1,
  clone: (value) => value,
};

function enumNode(values: readonly string[]): Node {
  const bits = bitsFor(0, values.length - 1);
  const codes = new Map(values.map((v, i) => [v, i]));
  return {
    maxBits: bits,
    enc(value) {
      const code = codes.get(value as string);
      if (code === undefined) outOfBounds(value, `enum ${values.join('|')}`);
      put(code, bits);
    },
    dec: () => values[get(bits)],
    clone: (value) => value,
  };
}

function listNode(maxLength: number, item: Node): Node {
  const lengthBits = bitsFor(0, maxLength);
  return {
    maxBits: lengthBits + maxLength * item.maxBits,
    enc(value) {
      const list = value as readonly unknown[];
      const n = list.length;
      if (n > maxLength) outOfBounds(n, `list length 0..${maxLength}`);
      put(n, lengthBits);
      for (let i = 0; i < n; i++) item.enc(list[i]);
    },
    dec(into, depth, model) {
      const n = get(lengthBits);
      const list = Array.isArray(into) ? into : new Array<unknown>(n);
      list.length = n;
      for (let i = 0; i < n; i++) list[i] = item.dec(list[i], depth, model);
      return list;
    },
    clone(value) {
      const list = value as readonly unknown[];
      const copy = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) copy[i] = item.clone(list[i]);
      return copy;
    },
  };
}

interface Slot {
  readonly key: string;
  readonly field: Field;
  readonly node: Node | null;
}

function recordNode(schema: RecordField<object>): Node {
  const slots: Slot[] = Object.entries(schema.fields as Record<string, Field>).map(([key, field]) => ({
    key,
    field,
    node: field.kind === 'model' || field.kind === 'history' ? null : compileField(field),
  }));
  const coded = slots.filter((s) => s.node !== null) as (Slot & { node: Node })[];
  return {
    maxBits: coded.reduce((sum, s) => sum + s.node.maxBits, 0),
    enc(value) {
      const o = value as Obj;
      for (let i = 0; i < coded.length; i++) {
        const s = coded[i] as Slot & { node: Node };
        s.node.enc(o[s.key]);
      }
    },
    dec(into, depth, model) {
      const o: Obj = typeof into === 'object' && into !== null && !Array.isArray(into) ? (into as Obj) : {};
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i] as Slot;
        const f = s.field;
        if (s.node) o[s.key] = s.node.dec(o[s.key], depth, model);
        else if (f.kind === 'model') o[s.key] = model;
        else if (f.kind === 'history') o[s.key] = f.reset(depth);
      }
      return o;
    },
    clone(value) {
      const from = value as Obj;
      const o: Obj = {};
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i] as Slot;
        const f = s.field;
        const v = from[s.key];
        o[s.key] = s.node ? s.node.clone(v) : f.kind === 'history' && f.copy ? f.copy(v) : v;
      }
      return o;
    },
  };
}

function compileField(field: Field): Node {
  switch (field.kind) {
    case 'int':
      return intNode(field.min, field.max);
    case 'bool':
      return boolNode;
    case 'enum':
      return enumNode(field.values);
    case 'list':
      return listNode(field.maxLength, compileField(field.item as Field));
    case 'record':
      return recordNode(field);
    case 'model':
    case 'history':
      throw new Error(`a ${field.kind} field is only allowed inside a record`);
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
  /** A deep copy: model fields shared, history fields copied as their schema says. */
  clone(value: T): T;
}

export function compileSchema<T, M>(schema: RecordField<T>): Codec<T, M> {
  const root = recordNode(schema as RecordField<object>);
  return {
    maxWords: Math.ceil(root.maxBits / 32),
    encode(value, buf, at) {
      beginWrite(buf, at);
      root.enc(value);
      return endWrite();
    },
    decode(buf, at, end, depth, model, into) {
      beginRead(buf, at);
      const value = root.dec(into, depth, model) as T;
      const read = endRead();
      if (read !== end) throw new RangeError(`state encoding of ${end - at} words was read as ${read - at}`);
      return value;
    },
    clone: (value) => root.clone(value) as T,
  };
}
