import { excerpt } from '../excerpt';
import { UNTRUSTED_LIMITS, type UntrustedLimits } from './limits';
import { type Guarded, type Json, refuse } from './problem';

type Container = Json[] | { [key: string]: Json };
interface Frame {
  source: object;
  target: Container;
  keys: string[];
  next: number;
  path: string;
}

const NOT_JSON: Partial<Record<string, string>> = {
  bigint: 'a BigInt',
  function: 'a function',
  symbol: 'a symbol',
  undefined: 'undefined',
};
const IDENTIFIER = /^[A-Za-z_$][\w$]{0,39}$/;
const childPath = (path: string, key: string, isList: boolean) =>
  isList ? `${path}[${key}]` : IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${excerpt(key)}]`;

/**
 * Copies untrusted data into fresh plain JSON values, reading only own data properties, so that nothing
 * downstream ever runs a getter, a proxy trap or `toJSON`. Iterative (no recursion), and every cap is checked
 * before the part it guards is read. Getters, cycles, BigInt, functions, symbols, class instances and
 * anything that throws while being read come back as a typed error; this function never throws.
 */
export function plainCopy(input: unknown, limits: UntrustedLimits = UNTRUSTED_LIMITS): Guarded {
  try {
    return copy(input, limits);
  } catch {
    // The thrown value itself is untrusted: it is neither read nor quoted.
    return refuse('threw', '', 'reading the value threw an exception (a proxy or a getter?).');
  }
}

function copy(input: unknown, limits: UntrustedLimits): Guarded {
  const stack: Frame[] = [];
  const onPath = new Set<object>();
  let values = 0;
  let chars = 0;

  /** A primitive's copy, a new container pushed on the stack, or the reason the value is refused. */
  const enter = (value: unknown, path: string): Guarded => {
    if (++values > limits.maxValues) return refuse('too-many-values', path, `more than ${limits.maxValues} values.`);
    switch (typeof value) {
      case 'string':
        if (value.length > limits.maxStringLength)
          return refuse('too-long', path, `a text of ${value.length} characters; at most ${limits.maxStringLength}.`);
        chars += value.length;
        if (chars > limits.maxTotalChars)
          return refuse('too-large', path, `more than ${limits.maxTotalChars} characters of text in all.`);
        return { ok: true, value };
      case 'number':
        return Number.isFinite(value)
          ? { ok: true, value }
          : refuse('unsupported-value', path, `${value} is not a JSON number.`);
      case 'boolean':
        return { ok: true, value };
      case 'object':
        return value === null ? { ok: true, value } : open(value, path);
      default:
        return refuse('unsupported-value', path, `${NOT_JSON[typeof value] ?? 'this value'} is not JSON data.`);
    }
  };

  const open = (source: object, path: string): Guarded => {
    if (stack.length + 1 > limits.maxDepth)
      return refuse('too-deep', path, `nested deeper than ${limits.maxDepth} levels.`);
    if (onPath.has(source)) return refuse('cycle', path, 'the value contains itself (a cycle).');
    const isList = Array.isArray(source);
    const proto = Reflect.getPrototypeOf(source);
    if (proto !== (isList ? Array.prototype : Object.prototype) && !(proto === null && !isList))
      return refuse('not-plain', path, 'not a plain object or list (a class instance, Date, Map...).');
    const keys = isList ? listKeys(source, path, limits) : objectKeys(source, path, limits);
    if (!Array.isArray(keys)) return keys;
    const target: Container = isList ? [] : Object.create(null);
    stack.push({ source, target, keys, next: 0, path });
    onPath.add(source);
    return { ok: true, value: target };
  };

  const root = enter(input, '');
  if (!root.ok) return root;
  for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
    const key = frame.keys[frame.next++];
    if (key === undefined) {
      stack.pop();
      onPath.delete(frame.source);
      continue;
    }
    const isList = Array.isArray(frame.target);
    const path = childPath(frame.path, key, isList);
    chars += key.length;
    const field = Reflect.getOwnPropertyDescriptor(frame.source, key);
    if (!field) return refuse('threw', path, 'a listed property is missing (a proxy?).');
    if (!('value' in field)) return refuse('getter', path, 'a getter or setter, not a data value.');
    if (!field.enumerable || (field.value === undefined && !isList)) continue;
    const child = enter(field.value, path);
    if (!child.ok) return child;
    if (Array.isArray(frame.target)) frame.target.push(child.value);
    else frame.target[key] = child.value;
  }
  return root;
}

function listKeys(source: object, path: string, limits: UntrustedLimits): string[] | Guarded {
  const length: unknown = Reflect.getOwnPropertyDescriptor(source, 'length')?.value;
  if (typeof length !== 'number' || length > limits.maxListLength)
    return refuse('too-long', path, `a list of ${String(length)} items; at most ${limits.maxListLength}.`);
  const own = Reflect.ownKeys(source);
  if (own.length !== length + 1) return refuse('not-plain', path, 'a list with holes or extra properties.');
  return Array.from({ length }, (_, i) => String(i));
}

function objectKeys(source: object, path: string, limits: UntrustedLimits): string[] | Guarded {
  const own = Reflect.ownKeys(source);
  if (own.length > limits.maxKeys)
    return refuse('too-long', path, `an object with ${own.length} fields; at most ${limits.maxKeys}.`);
  const keys: string[] = [];
  for (const key of own) {
    if (typeof key !== 'string') return refuse('unsupported-value', path, 'a symbol-named property is not JSON.');
    if (key.length > limits.maxStringLength)
      return refuse('too-long', path, `a field name of ${key.length} characters; at most ${limits.maxStringLength}.`);
    keys.push(key);
  }
  return keys;
}
