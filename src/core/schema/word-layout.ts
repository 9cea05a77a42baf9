import { bitsFor, type Field, type RecordField } from './fields';

/**
 * A fixed word layout of a schema: every scalar at a constant word and bit offset, no scalar across two words, every
 * list at its schema bound. A record puts its scalars and its lists' lengths first (its head words), then each nested
 * record and each list's items in declaration order. A list of scalars packs `per` items into a word; a list of
 * records or lists gives each item `stride` words.
 */
export interface ScalarSlot {
  readonly kind: 'int' | 'bool' | 'enum';
  readonly word: number;
  readonly shift: number;
  readonly bits: number;
  readonly min: number;
  readonly values?: readonly string[];
}

export interface ListSlot {
  readonly kind: 'list';
  readonly max: number;
  readonly length: ScalarSlot;
  /** First word of the items, relative to the enclosing record. */
  readonly base: number;
  readonly item: ItemLayout;
}

export interface RecordLayout {
  readonly kind: 'record';
  /** Words of the record, head and blocks. */
  readonly words: number;
  /** Words of the head (scalars and list lengths), copied as one block. */
  readonly head: number;
  readonly fields: readonly (readonly [string, Slot])[];
}

export interface NestedSlot {
  readonly kind: 'nested';
  readonly base: number;
  readonly record: RecordLayout;
}

export type Slot = ScalarSlot | ListSlot | NestedSlot;

export type ItemLayout =
  | { readonly kind: 'scalar'; readonly slot: ScalarSlot; readonly per: number }
  | { readonly kind: 'record'; readonly record: RecordLayout; readonly stride: number }
  | { readonly kind: 'list'; readonly list: ListSlot; readonly holder: RecordLayout; readonly stride: number };

type Scalar = Extract<Field, { kind: 'int' | 'bool' | 'enum' }>;

function isScalar(f: Field): f is Scalar {
  return f.kind === 'int' || f.kind === 'bool' || f.kind === 'enum';
}

function scalarBits(f: Scalar): { bits: number; min: number } {
  if (f.kind === 'int') return { bits: bitsFor(f.min, f.max), min: f.min };
  if (f.kind === 'bool') return { bits: 1, min: 0 };
  return { bits: bitsFor(0, f.values.length - 1), min: 0 };
}

/** Packs scalars into words without straddling: `take(bits)` returns the word and shift of the next slot. */
function packer() {
  let word = 0;
  let shift = 0;
  return {
    take(bits: number): { word: number; shift: number } {
      if (shift + bits > 32) {
        word += 1;
        shift = 0;
      }
      const at = { word, shift };
      shift += bits;
      return at;
    },
    get words() {
      return shift === 0 && word === 0 ? 0 : word + 1;
    },
  };
}

function scalarSlot(f: Scalar, word: number, shift: number): ScalarSlot {
  const { bits, min } = scalarBits(f);
  return f.kind === 'enum'
    ? { kind: f.kind, word, shift, bits, min, values: f.values }
    : { kind: f.kind, word, shift, bits, min };
}

function itemLayout(item: Field): ItemLayout {
  if (isScalar(item)) {
    const { bits } = scalarBits(item);
    if (bits > 32) throw new Error('a scalar wider than a word');
    return { kind: 'scalar', slot: scalarSlot(item, 0, 0), per: bits === 0 ? 32 : Math.floor(32 / bits) };
  }
  if (item.kind === 'record') {
    const record = layoutRecord(item);
    return { kind: 'record', record, stride: record.words };
  }
  if (item.kind === 'list') {
    const holder = layoutRecord({ kind: 'record', fields: { items: item } } as RecordField<object>);
    const list = holder.fields[0]?.[1] as ListSlot;
    return { kind: 'list', list, holder, stride: holder.words };
  }
  throw new Error(`a list of ${item.kind} has no word layout`);
}

function itemWords(list: { maxLength: number }, item: ItemLayout): number {
  return item.kind === 'scalar' ? Math.ceil(list.maxLength / item.per) : list.maxLength * item.stride;
}

/** Lays a record out; `model` and `history` fields take no words. */
export function layoutRecord(record: RecordField<object>): RecordLayout {
  const entries = Object.entries(record.fields as Record<string, Field>);
  const head = packer();
  const heads = new Map<string, { word: number; shift: number }>();
  for (const [key, f] of entries) {
    if (isScalar(f)) heads.set(key, head.take(scalarBits(f).bits));
    else if (f.kind === 'list') heads.set(key, head.take(bitsFor(0, f.maxLength)));
  }
  let next = head.words;
  const fields: [string, Slot][] = [];
  for (const [key, f] of entries) {
    const at = heads.get(key);
    if (isScalar(f) && at) fields.push([key, scalarSlot(f, at.word, at.shift)]);
    else if (f.kind === 'list' && at) {
      const item = itemLayout(f.item as Field);
      const length: ScalarSlot = { kind: 'int', word: at.word, shift: at.shift, bits: bitsFor(0, f.maxLength), min: 0 };
      fields.push([key, { kind: 'list', max: f.maxLength, length, base: next, item }]);
      next += itemWords(f, item);
    } else if (f.kind === 'record') {
      const nested = layoutRecord(f);
      fields.push([key, { kind: 'nested', base: next, record: nested }]);
      next += nested.words;
    }
  }
  return { kind: 'record', words: next, head: head.words, fields };
}
