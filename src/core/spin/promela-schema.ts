import type { Field, RecordField } from '../schema/fields';
import { STATE_SCHEMA } from '../schema/state-schema';
import type { State } from '../types';

/**
 * The state as Promela, derived from the one schema (`schema/state-schema.ts`): every record a typedef, every list
 * an array of its per-scenario capacity plus a `<name>_len`, every enum a byte with one `#define` per member, every
 * int the smallest Promela type that holds its bounds. `model` and `history` fields stay out (Spin keeps no history).
 */
export interface PromelaState {
  /** `#define`s for enum members, typedefs in dependency order, then the global declarations. */
  declarations: string;
  /** Assignments that make the globals equal `init(scenario)` (Promela zeroes everything else). */
  initialise: string;
}

/** Capacity of a list field by its dotted path (`frames`, `threads.locals.refs`, `tlbs.e`). */
export type Capacities = (path: string) => number;

/** A schema identifier made into a Promela one: `qemu-ring` → `qemu_ring`, `4K` → `4K` (prefixed by its enum). */
export const ident = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');

/** The `#define` name of an enum member, prefixed by the field that carries it (`OWNER_free`, `SIZE_2M`). */
export const enumConst = (field: string, value: string) => `${field.toUpperCase()}_${ident(value)}`;

function intType(min: number, max: number): string {
  if (min >= 0 && max <= 1) return 'bit';
  if (min >= 0 && max <= 255) return 'byte';
  if (min >= -32768 && max <= 32767) return 'short';
  return 'int';
}

const isStored = (f: Field) => f.kind !== 'model' && f.kind !== 'history';

export function promelaState(caps: Capacities, initial: State): PromelaState {
  const defines = new Map<string, number>();
  const typedefs: string[] = [];
  const named = new Map<RecordField<object>, string>();

  const scalar = (name: string, field: Field): string => {
    if (field.kind === 'int') return intType(field.min, field.max);
    if (field.kind === 'bool') return 'bit';
    if (field.kind === 'enum') {
      field.values.forEach((v, i) => {
        defines.set(enumConst(name, v), i);
      });
      return 'byte';
    }
    throw new Error(`${name} is not a scalar`);
  };

  /** Declares `name` (a field at `path`) inside a typedef or at top level; returns its declaration lines. */
  const declare = (name: string, field: Field, path: string): string[] => {
    if (!isStored(field)) return [];
    if (field.kind === 'record') return [`${typedefOf(field as RecordField<object>, path)} ${name};`];
    if (field.kind !== 'list') return [`${scalar(name, field)} ${name};`];
    const cap = caps(path);
    const item = field.item as Field;
    const lenType = intType(0, cap);
    if (item.kind === 'list') {
      const wrapper = `${ident(path)}_t`;
      typedefs.push(`typedef ${wrapper} {\n  ${declare('e', item, `${path}.e`).join('\n  ')}\n}`);
      return [`${wrapper} ${name}[${cap}];`];
    }
    const type = item.kind === 'record' ? typedefOf(item as RecordField<object>, path) : scalar(name, item);
    return [`${type} ${name}[${cap}];`, `${lenType} ${name}_len;`];
  };

  const typedefOf = (record: RecordField<object>, path: string): string => {
    const known = named.get(record);
    if (known) return known;
    const name = `${ident(path)}_t`;
    const body = Object.entries(record.fields).flatMap(([k, f]) => declare(k, f as Field, `${path}.${k}`));
    typedefs.push(`typedef ${name} {\n  ${body.join('\n  ')}\n}`);
    named.set(record, name);
    return name;
  };

  const globals = Object.entries(STATE_SCHEMA.fields).flatMap(([k, f]) => declare(k, f as Field, k));
  const defineLines = [...defines].map(([k, v]) => `#define ${k} ${v}`);
  return {
    declarations: [...defineLines, '', ...typedefs, '', ...globals].join('\n'),
    initialise: assignments(STATE_SCHEMA as RecordField<object>, initial, '', '').join('\n'),
  };
}

/** Non-zero values of `value` as Promela assignments (globals start at zero). */
function assignments(field: Field, value: unknown, target: string, name: string): string[] {
  if (!isStored(field)) return [];
  if (field.kind === 'record') {
    const rec = value as Record<string, unknown>;
    return Object.entries((field as RecordField<object>).fields).flatMap(([k, f]) =>
      assignments(f as Field, rec[k], target === '' ? k : `${target}.${k}`, k),
    );
  }
  if (field.kind === 'list') {
    const items = value as unknown[];
    const item = field.item as Field;
    const lines = items.flatMap((v, i) =>
      assignments(
        item,
        v,
        item.kind === 'list' ? `${target}[${i}].e` : `${target}[${i}]`,
        item.kind === 'list' ? 'e' : name,
      ),
    );
    if (item.kind !== 'list' && items.length > 0) lines.push(`${target}_len = ${items.length};`);
    return lines;
  }
  if (field.kind === 'enum') {
    const code = field.values.indexOf(value as string);
    return code > 0 ? [`${target} = ${enumConst(name, value as string)};`] : [];
  }
  const n = field.kind === 'bool' ? (value ? 1 : 0) : (value as number);
  return n !== 0 ? [`${target} = ${n};`] : [];
}
