import type { Json } from '../../core/guard/problem';
import type { KeptShape } from './kept-text';

const isObject = (json: Json): json is { [key: string]: Json } =>
  typeof json === 'object' && json !== null && !Array.isArray(json);

/** Any JSON object: an editor draft, valid or not (the validator judges it when it is shown). */
export const objectShape: KeptShape<{ [key: string]: Json }> = (json) => (isObject(json) ? json : null);

/** The two schedules typed into Compare two schedules, each a short string. */
export const schedulePairShape: KeptShape<{ a: string; b: string }> = (json) => {
  if (!isObject(json)) return null;
  const { a, b } = json;
  return typeof a === 'string' && typeof b === 'string' && a.length <= 600 && b.length <= 600 ? { a, b } : null;
};

/** A list of at most `max` strings of at most `maxChars` each (the hrefs of earlier runs). */
export const stringListShape =
  (max: number, maxChars: number): KeptShape<string[]> =>
  (json) =>
    Array.isArray(json) && json.length <= max && json.every((s) => typeof s === 'string' && s.length <= maxChars)
      ? (json as string[])
      : null;
