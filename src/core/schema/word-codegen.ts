import type { ItemLayout, ListSlot, RecordLayout, ScalarSlot } from './word-layout';

type OutOfBounds = (value: unknown, what: string) => never;

/**
 * The words the accessors wrote, in order (repeats allowed), for whoever resets `n` before a step: entries past
 * `log.length` are lost, so `n > log.length` means "anything may have changed". `pack` sets it so.
 */
export interface WriteLog {
  readonly log: Int32Array;
  n: number;
}

/** What `generateWordCode` builds from a layout: accessors, and the converters between objects, words and keys. */
export interface WordCode {
  /** Nested get/set (and length/setLength for lists) per field, typed by the caller. */
  readonly accessors: unknown;
  /** Writes every layout field of `value` into `w` (cleared first): the object → words door of the fallback. */
  pack(value: object, w: Int32Array): void;
  /** Writes the words into `into`'s fields (reusing its lists and records); fields without words are left alone. */
  unpack(w: Int32Array, into: object): void;
  /** Appends the words in use (head words, then each list's used items) to `out` from `at`; returns the end. */
  compact(w: Int32Array, out: Int32Array, at: number): number;
  /** Inverse of `compact`: fills `w` (cleared first) from `src` at `at`; returns the index after the last word. */
  expand(src: Int32Array, at: number, w: Int32Array): number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(['length', 'setLength', 'get', 'set', 'item']);

/**
 * Writes the layout out as JavaScript: every word index and shift a constant or a product of an index and a constant
 * stride. Only field names (checked to be identifiers), numbers and enum members (as JSON literals) enter the source.
 */
export function generateWordCode(root: RecordLayout, words: number, oob: OutOfBounds, written: WriteLog): WordCode {
  const enums: (readonly string[])[] = [];
  let vars = 0;
  const fresh = (p: string) => `${p}${vars++}`;
  const mask = (s: ScalarSlot) => 2 ** s.bits - 1;
  const addr = (base: string, s: ScalarSlot) => `${base} + ${s.word}`;

  const read = (a: string, sh: string, s: ScalarSlot): string => {
    if (s.bits === 0) return s.kind === 'enum' ? `E[${enums.push(s.values ?? []) - 1}][0]` : `${s.min}`;
    const raw = `((w[${a}] >>> (${sh})) & ${mask(s)})`;
    if (s.kind === 'bool') return `(${raw} === 1)`;
    if (s.kind === 'enum') return `E[${enums.push(s.values ?? []) - 1}][${raw}]`;
    return `(${raw} + ${s.min})`;
  };
  const logged = (a: string) => `L.log[L.n++ & ${written.log.length - 1}] = ${a};`;
  const write = (a: string, sh: string, s: ScalarSlot, v: string, log = true): string => {
    const x = fresh('x');
    let code: string;
    if (s.kind === 'bool') code = `const ${x} = ${v} ? 1 : 0;`;
    else if (s.kind === 'enum') {
      const chain = (s.values ?? []).map((m, i) => `${v} === ${JSON.stringify(m)} ? ${i} : `).join('');
      code = `const ${x} = ${chain}-1; if (${x} < 0) oob(${v}, 'enum');`;
    } else code = `const ${x} = ${v} - ${s.min}; if (!(${x} >= 0 && ${x} <= ${mask(s)})) oob(${v}, 'int');`;
    if (s.bits === 0) return `${code}\n`;
    const a2 = fresh('a');
    const sh2 = fresh('s');
    const set = `w[${a2}] = (w[${a2}] & ~(${mask(s)} << ${sh2})) | (${x} << ${sh2});`;
    return `${code} const ${a2} = ${a}, ${sh2} = ${sh}; ${set}${log ? ` ${logged(a2)}` : ''}\n`;
  };
  const itemAt = (list: ListSlot, base: string, i: string) => {
    const it = list.item;
    if (it.kind === 'scalar')
      return { a: `${base} + ${list.base} + ((${i} / ${it.per}) | 0)`, sh: `(${i} % ${it.per}) * ${it.slot.bits}` };
    return { a: `${base} + ${list.base} + ${i} * ${it.stride}`, sh: '0' };
  };
  const fn = (params: string[], body: string) => `function (${['w', ...params].join(', ')}) {\n${body}}`;

  function recordAcc(rec: RecordLayout, base: string, params: string[]): string {
    const parts: string[] = [];
    for (const [key, slot] of rec.fields) {
      if (!IDENTIFIER.test(key) || RESERVED.has(key)) throw new Error(`layout field ${key} cannot be an accessor`);
      if (slot.kind === 'nested') parts.push(`${key}: ${recordAcc(slot.record, `(${base} + ${slot.base})`, params)}`);
      else if (slot.kind === 'list') parts.push(`${key}: ${listAcc(slot, base, params)}`);
      else {
        const a = addr(base, slot);
        parts.push(
          `${key}: { get: ${fn(params, `return ${read(a, `${slot.shift}`, slot)};\n`)}, set: ${fn([...params, 'v'], write(a, `${slot.shift}`, slot, 'v'))} }`,
        );
      }
    }
    return `{\n${parts.join(',\n')}\n}`;
  }

  function listAcc(list: ListSlot, base: string, params: string[]): string {
    const len = list.length;
    const lenA = addr(base, len);
    const i = `i${params.length}`;
    const at = itemAt(list, base, i);
    const it = list.item;
    const clear =
      it.kind === 'scalar'
        ? `{ const c = ${at.a}; w[c] &= ~(${mask(it.slot)} << (${at.sh})); ${logged('c')} }`
        : `{ const c = ${at.a}; w.fill(0, c, c + ${it.stride}); for (let z = c; z < c + ${it.stride}; z++) ${logged('z')} }`;
    const parts = [
      `length: ${fn(params, `return ${read(lenA, `${len.shift}`, len)};\n`)}`,
      `setLength: ${fn([...params, 'n'], `const old = ${read(lenA, `${len.shift}`, len)}; for (let ${i} = n; ${i} < old; ${i}++) ${clear}\n${write(lenA, `${len.shift}`, len, 'n')}`)}`,
    ];
    const p = [...params, i];
    if (it.kind === 'scalar') {
      parts.push(`get: ${fn(p, `return ${read(at.a, at.sh, it.slot)};\n`)}`);
      parts.push(`set: ${fn([...p, 'v'], write(at.a, at.sh, it.slot, 'v'))}`);
      return `{\n${parts.join(',\n')}\n}`;
    }
    if (it.kind === 'list') {
      parts.push(`item: ${listAcc(it.list, `(${at.a})`, p)}`);
      return `{\n${parts.join(',\n')}\n}`;
    }
    const fields = recordAcc(it.record, `(${at.a})`, p);
    return `{\n${parts.join(',\n')},\n${fields.slice(2)}`;
  }

  /** Object → words for a record at `base`, reading the object `o`. */
  function packRecord(rec: RecordLayout, o: string, base: string): string {
    let body = '';
    for (const [key, slot] of rec.fields) {
      if (slot.kind === 'nested') body += packRecord(slot.record, `${o}.${key}`, `(${base} + ${slot.base})`);
      else if (slot.kind === 'list') body += packList(slot, `${o}.${key}`, base);
      else body += `{ ${write(addr(base, slot), `${slot.shift}`, slot, `${o}.${key}`, false)}}\n`;
    }
    return body;
  }
  function packList(list: ListSlot, expr: string, base: string): string {
    const l = fresh('l');
    const i = fresh('i');
    const at = itemAt(list, base, i);
    const it = list.item;
    let inner: string;
    if (it.kind === 'scalar') inner = write(at.a, at.sh, it.slot, `${l}[${i}]`, false);
    else if (it.kind === 'record') inner = packRecord(it.record, `${l}[${i}]`, `(${at.a})`);
    else inner = packList(it.list, `${l}[${i}]`, `(${at.a})`);
    return `{ const ${l} = ${expr}; if (${l}.length > ${list.max}) oob(${l}.length, 'list length');\n${write(addr(base, list.length), `${list.length.shift}`, list.length, `${l}.length`, false)}for (let ${i} = 0; ${i} < ${l}.length; ${i}++) {\n${inner}}}\n`;
  }

  /** Words → object for a record at `base`, into the existing object `o` (created when missing). */
  function unpackRecord(rec: RecordLayout, o: string, base: string): string {
    let body = '';
    for (const [key, slot] of rec.fields) {
      if (slot.kind === 'nested') {
        const r = fresh('o');
        body += `let ${r} = ${o}.${key}; if (${r} === undefined) { ${r} = {}; ${o}.${key} = ${r}; }\n${unpackRecord(slot.record, r, `(${base} + ${slot.base})`)}`;
      } else if (slot.kind === 'list') body += unpackList(slot, `${o}.${key}`, base);
      else body += `${o}.${key} = ${read(addr(base, slot), `${slot.shift}`, slot)};\n`;
    }
    return body;
  }
  function unpackList(list: ListSlot, target: string, base: string): string {
    const l = fresh('l');
    const n = fresh('n');
    const i = fresh('i');
    const at = itemAt(list, base, i);
    const it = list.item;
    let inner: string;
    if (it.kind === 'scalar') inner = `${l}[${i}] = ${read(at.a, at.sh, it.slot)};\n`;
    else if (it.kind === 'list') inner = unpackList(it.list, `${l}[${i}]`, `(${at.a})`);
    else {
      const r = fresh('o');
      inner = `let ${r} = ${l}[${i}]; if (${r} === undefined) { ${r} = {}; ${l}[${i}] = ${r}; }\n${unpackRecord(it.record, r, `(${at.a})`)}`;
    }
    return `{ let ${l} = ${target}; const ${n} = ${read(addr(base, list.length), `${list.length.shift}`, list.length)}; if (${l} === undefined) { ${l} = []; ${target} = ${l}; } if (${l}.length !== ${n}) ${l}.length = ${n};\nfor (let ${i} = 0; ${i} < ${n}; ${i}++) {\n${inner}}}\n`;
  }

  /** Copies the used words of a record at `base` between `w` and the key, in `compact` order. */
  function walk(rec: RecordLayout, base: string, toKey: boolean): string {
    const copy = (from: string, count: string) =>
      toKey
        ? `for (let c = 0; c < ${count}; c++) out[k++] = w[${from} + c];\n`
        : `for (let c = 0; c < ${count}; c++) w[${from} + c] = src[k++];\n`;
    let body = rec.head > 0 ? copy(base, `${rec.head}`) : '';
    for (const [, slot] of rec.fields) {
      if (slot.kind === 'nested') body += walk(slot.record, `(${base} + ${slot.base})`, toKey);
      else if (slot.kind === 'list') body += walkList(slot, base, toKey, copy);
    }
    return body;
  }
  function walkList(
    list: ListSlot,
    base: string,
    toKey: boolean,
    copy: (from: string, count: string) => string,
  ): string {
    const n = fresh('n');
    const i = fresh('i');
    const it: ItemLayout = list.item;
    const len = `const ${n} = ${read(addr(base, list.length), `${list.length.shift}`, list.length)};\n`;
    const start = `${base} + ${list.base}`;
    if (it.kind === 'scalar') return `{ ${len}${copy(start, `((${n} + ${it.per - 1}) / ${it.per}) | 0`)}}\n`;
    if (it.kind === 'record' && it.record.head === it.record.words)
      return `{ ${len}${copy(start, `${n} * ${it.stride}`)}}\n`;
    const at = `(${start} + ${i} * ${it.stride})`;
    const inner = walk(it.kind === 'record' ? it.record : it.holder, at, toKey);
    return `{ ${len}for (let ${i} = 0; ${i} < ${n}; ${i}++) {\n${inner}}}\n`;
  }

  const source =
    'return {\n' +
    `accessors: ${recordAcc(root, '0', [])},\n` +
    `pack(value, w) { w.fill(0, 0, ${words});\n${packRecord(root, 'value', '0')}L.n = ${written.log.length + 1}; },\n` +
    `unpack(w, into) {\n${unpackRecord(root, 'into', '0')}},\n` +
    `compact(w, out, at) { let k = at;\n${walk(root, '0', true)}return k; },\n` +
    `expand(src, at, w) { w.fill(0, 0, ${words}); let k = at;\n${walk(root, '0', false)}return k; },\n};`;
  // A generated function, not eval of data: the source above is built from the layout alone.
  const factory = new Function('E', 'oob', 'L', source) as (e: typeof enums, o: OutOfBounds, l: WriteLog) => WordCode;
  return factory(enums, oob, written);
}
