import { bitsFor, type Field, type HistoryField, type RecordField } from './fields';

/** The straight-line encoder and decoder of one schema, generated from it once (see `generateCodec`). */
export interface GeneratedCodec<T, M> {
  encode(value: T, out: Int32Array, at: number): number;
  /** Decodes into `into` (or a fresh object); returns the index after the last word read via `lastEnd`. */
  decode(src: Int32Array, at: number, into: T | undefined, depth: number, model: M): T;
  lastEnd(): number;
  /** Copies `from` into `into` (or a fresh object), history fields reset for `depth`. */
  copy(from: T, into: T | undefined, depth: number): T;
}

type OutOfBounds = (value: unknown, what: string) => never;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Writes the schema out as JavaScript: every field a literal property access, every width a constant, the bit
 * stream in local variables. Only field names (checked to be identifiers), numbers and enum members (as JSON string
 * literals) from the schema enter the source, never state data; history resets are passed in as an array.
 */
export function generateCodec<T, M>(schema: RecordField<T>, outOfBounds: OutOfBounds): GeneratedCodec<T, M> {
  const enums: (readonly string[])[] = [];
  const resets: HistoryField<unknown>['reset'][] = [];
  // One pool per list of records: the items a shrinking list drops, handed back when a list grows, so that decoding
  // and copying into reused states allocate no record once the pools have filled.
  const spares: object[][] = [];
  const SPARE_CAP = 4096;
  const spareOf = (item: Field): number => (item.kind === 'record' ? spares.push([]) - 1 : -1);
  /** Sets `list`'s length to `n`, keeping the items it drops in pool `k` (if any). */
  const resize = (list: string, n: string, k: number) =>
    k < 0
      ? `if (${list}.length !== ${n}) ${list}.length = ${n};\n`
      : `if (${list}.length !== ${n}) { for (let j = ${n}; j < ${list}.length; j++) if (S[${k}].length < ${SPARE_CAP}) S[${k}].push(${list}[j]); ${list}.length = ${n}; }\n`;
  const freshRecord = (k: number) => (k < 0 ? '{}' : `(S[${k}].length > 0 ? S[${k}].pop() : {})`);
  let vars = 0;
  const fresh = (prefix: string) => `${prefix}${vars++}`;

  const put = (x: string, bits: number) =>
    bits === 0
      ? ''
      : `acc |= ${x} << pos; pos += ${bits}; if (pos >= 32) { out[word++] = acc; pos -= 32; acc = pos > 0 ? ${x} >>> (${bits} - pos) : 0; }\n`;
  const get = (x: string, bits: number) =>
    bits === 0
      ? `${x} = 0;\n`
      : `have = 32 - rpos; ${x} = src[rw] >>> rpos; if (${bits} < have) { rpos += ${bits}; ${x} &= ${2 ** bits - 1}; } ` +
        `else { rw++; rpos = ${bits} - have; if (rpos > 0) ${x} |= (src[rw] & ((1 << rpos) - 1)) << have; }\n`;

  function encodeField(field: Field, expr: string): string {
    switch (field.kind) {
      case 'int': {
        const x = fresh('x');
        const bits = bitsFor(field.min, field.max);
        return (
          `const ${x} = ${expr}; if (!(${x} >= ${field.min} && ${x} <= ${field.max})) oob(${x}, 'int ${field.min}..${field.max}');\n` +
          put(`(${x} - ${field.min})`, bits)
        );
      }
      case 'bool':
        return put(`(${expr} ? 1 : 0)`, 1);
      case 'enum': {
        const x = fresh('x');
        const code = fresh('c');
        const chain = field.values.map((v, i) => `${x} === ${JSON.stringify(v)} ? ${i} : `).join('');
        return (
          `const ${x} = ${expr}; const ${code} = ${chain}-1; if (${code} < 0) oob(${x}, 'enum');\n` +
          put(code, bitsFor(0, field.values.length - 1))
        );
      }
      case 'list': {
        const list = fresh('l');
        const i = fresh('i');
        return (
          `const ${list} = ${expr}; if (${list}.length > ${field.maxLength}) oob(${list}.length, 'list length 0..${field.maxLength}');\n` +
          put(`${list}.length`, bitsFor(0, field.maxLength)) +
          `for (let ${i} = 0; ${i} < ${list}.length; ${i}++) {\n${encodeField(field.item as Field, `${list}[${i}]`)}}\n`
        );
      }
      case 'record': {
        const r = fresh('r');
        let body = `const ${r} = ${expr};\n`;
        for (const [key, f] of entries(field))
          if (f.kind !== 'model' && f.kind !== 'history') body += encodeField(f, `${r}.${key}`);
        return body;
      }
      case 'model':
      case 'history':
        return '';
    }
  }

  /** Decodes a record's fields into the object `target` names (which exists). */
  function decodeRecord(field: RecordField<object>, target: string): string {
    let body = '';
    for (const [key, f] of entries(field)) body += decodeField(f, `${target}.${key}`);
    return body;
  }

  function decodeField(field: Field, place: string, spare = -1): string {
    switch (field.kind) {
      case 'int': {
        const x = fresh('x');
        return `let ${x}; ${get(x, bitsFor(field.min, field.max))}${place} = ${x} + ${field.min};\n`;
      }
      case 'bool': {
        const x = fresh('x');
        return `let ${x}; ${get(x, 1)}${place} = ${x} === 1;\n`;
      }
      case 'enum': {
        const x = fresh('x');
        const e = enums.push(field.values) - 1;
        return `let ${x}; ${get(x, bitsFor(0, field.values.length - 1))}${place} = E[${e}][${x}];\n`;
      }
      case 'list': {
        const n = fresh('n');
        const list = fresh('l');
        const i = fresh('i');
        const k = spareOf(field.item as Field);
        const inner = decodeField(field.item as Field, `${list}[${i}]`, k);
        return (
          `let ${n}; ${get(n, bitsFor(0, field.maxLength))}let ${list} = ${place}; if (${list} === undefined) { ${list} = new Array(${n}); ${place} = ${list}; }\n` +
          `${resize(list, n, k)}for (let ${i} = 0; ${i} < ${n}; ${i}++) {\n${inner}}\n`
        );
      }
      case 'record': {
        const r = fresh('o');
        return `let ${r} = ${place}; if (${r} === undefined) { ${r} = ${freshRecord(spare)}; ${place} = ${r}; }\n${decodeRecord(field, r)}`;
      }
      case 'model':
        return `${place} = model;\n`;
      case 'history': {
        const h = resets.push(field.reset) - 1;
        return `${place} = H[${h}](depth, ${place});\n`;
      }
    }
  }

  /** Copies `from` into `place` field by field, reusing the objects and arrays already there. */
  function copyField(field: Field, from: string, place: string, spare = -1): string {
    switch (field.kind) {
      case 'int':
      case 'bool':
      case 'enum':
      case 'model':
        return `${place} = ${from};\n`;
      case 'history': {
        const h = resets.push(field.reset) - 1;
        return `${place} = H[${h}](depth, ${place});\n`;
      }
      case 'list': {
        const f = fresh('f');
        const list = fresh('l');
        const i = fresh('i');
        const k = spareOf(field.item as Field);
        const inner = copyField(field.item as Field, `${f}[${i}]`, `${list}[${i}]`, k);
        return (
          `const ${f} = ${from}; let ${list} = ${place}; if (${list} === undefined) { ${list} = new Array(${f}.length); ${place} = ${list}; }\n` +
          `${resize(list, `${f}.length`, k)}for (let ${i} = 0; ${i} < ${f}.length; ${i}++) {\n${inner}}\n`
        );
      }
      case 'record': {
        const f = fresh('f');
        const r = fresh('o');
        let body = `const ${f} = ${from}; let ${r} = ${place}; if (${r} === undefined) { ${r} = ${freshRecord(spare)}; ${place} = ${r}; }\n`;
        for (const [key, ff] of entries(field)) body += copyField(ff, `${f}.${key}`, `${r}.${key}`);
        return body;
      }
    }
  }

  const copyBody = `const root = { v: into };\n${copyField(schema as RecordField<object>, 'from', 'root.v')}return root.v;`;
  const encodeBody =
    `let word = at, acc = 0, pos = 0;\n${encodeField(schema as RecordField<object>, 'value')}` +
    'if (pos > 0) out[word++] = acc;\nreturn word;';
  const decodeBody =
    `let rw = at, rpos = 0, have = 0;\nconst root = into === undefined ? {} : into;\n${decodeRecord(schema as RecordField<object>, 'root')}` +
    'end = rpos > 0 ? rw + 1 : rw;\nreturn root;';
  const source =
    'let end = 0;\nreturn {\n' +
    `encode(value, out, at) {\n${encodeBody}\n},\n` +
    `decode(src, at, into, depth, model) {\n${decodeBody}\n},\n` +
    `copy(from, into, depth) {\n${copyBody}\n},\n` +
    'lastEnd() { return end; },\n};';
  // A generated function, not eval of data: the source above is built from the schema alone.
  const factory = new Function('E', 'H', 'S', 'oob', source) as (
    e: typeof enums,
    h: typeof resets,
    s: typeof spares,
    oob: OutOfBounds,
  ) => GeneratedCodec<T, M>;
  return factory(enums, resets, spares, outOfBounds);
}

function entries(field: RecordField<object>): [string, Field][] {
  const list = Object.entries(field.fields as Record<string, Field>);
  for (const [key] of list) if (!IDENTIFIER.test(key)) throw new Error(`schema field ${key} is not an identifier`);
  return list;
}
