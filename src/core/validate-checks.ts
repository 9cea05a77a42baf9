import { excerpt } from './excerpt';
import type { Json } from './guard/problem';

/** Helpers for validate.ts: each checks one untrusted value, records one error line, and returns a safe value. */
export type Obj = { [key: string]: Json };
export type Errors = string[];

export const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Allowed values (trusted constants) as a message lists them. */
export const list = (xs: readonly (string | number)[]) => xs.map((x) => JSON.stringify(x)).join(', ');

/** An untrusted value as a message may show it: a short escaped excerpt of a text, or what kind of value it is. */
export function shown(value: Json | undefined): string {
  if (typeof value === 'string') return excerpt(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (isObj(value)) return 'an object';
  return String(value);
}

export function oneOf<T extends string | number>(
  errors: Errors,
  field: string,
  value: Json | undefined,
  allowed: readonly T[],
  fallback?: T,
): T {
  if (value === undefined && fallback !== undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found !== undefined) return found;
  errors.push(`${field}: got ${shown(value)}; allowed values: ${list(allowed)}.`);
  return fallback ?? (allowed[0] as T);
}

export function intIn(
  errors: Errors,
  field: string,
  value: Json | undefined,
  min: number,
  max: number,
  fallback: number,
) {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  errors.push(`${field}: got ${shown(value)}; allowed: a whole number from ${min} to ${max}.`);
  return fallback;
}

export function text(errors: Errors, field: string, value: Json | undefined, max: number, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && value.length <= max) return value;
  errors.push(`${field}: got ${shown(value)}; expected a text of at most ${max} characters.`);
  return fallback;
}

/** A list of at most `max` items, each checked by `item`; anything else is one error and an empty list. */
export function listOf<T>(
  errors: Errors,
  field: string,
  value: Json | undefined,
  max: number,
  item: (v: Json, path: string) => T,
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > max) {
    errors.push(`${field}: got ${shown(value)}; expected a list of at most ${max} items.`);
    return [];
  }
  return value.map((v, i) => item(v, `${field}[${i}]`));
}

export function unique(errors: Errors, field: string, items: readonly unknown[]): void {
  if (new Set(items).size !== items.length) errors.push(`${field}: an entry is listed twice.`);
}

/** Fields outside `known` are errors: a misspelt optional field would otherwise be silently ignored. */
export function onlyKnown(errors: Errors, field: string, value: Obj, known: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length > 0)
    errors.push(
      `${field}: unknown field ${unknown
        .slice(0, 3)
        .map((k) => excerpt(k))
        .join(', ')}; fields: ${known.join(', ')}.`,
    );
}
