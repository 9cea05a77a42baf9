import LZString from 'lz-string';
import { isUnsafeChar, validateScenario } from '../core';
import type { Scenario } from '../core/types';
import { MAX_SCENARIO_CODE_CHARS } from './run-link-types';

// A default import: lz-string is CommonJS, whose named exports Node's ESM loader (the CLI, via tsx) cannot see.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

const ALPHABET = /^[A-Za-z0-9+\-$]+$/;
/** A valid scenario's JSON is a few kilobytes; anything decompressing to more is refused. */
const MAX_JSON_CHARS = 64_000;
const MAX_MESSAGE_CHARS = 200;

export const encodeScenario = (scenario: Scenario): string => compressToEncodedURIComponent(JSON.stringify(scenario));

const decompress = (code: string): string | null => {
  try {
    return decompressFromEncodedURIComponent(code);
  } catch {
    return null;
  }
};

const parse = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
};

/** Control, bidi and zero-width characters in a message quoting link text become U+FFFD. */
function printable(text: string): string {
  return Array.from(text, (c) => (isUnsafeChar(c) ? '\ufffd' : c)).join('');
}

/** The scenario a link carries, through the same validator as any scenario file; an error sentence otherwise. */
export function decodeScenario(code: string): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  if (code.length > MAX_SCENARIO_CODE_CHARS)
    return {
      ok: false,
      error: `Its edited scenario is ${code.length} characters long; at most ${MAX_SCENARIO_CODE_CHARS}.`,
    };
  const json = ALPHABET.test(code) ? decompress(code) : null;
  if (!json || json.length > MAX_JSON_CHARS)
    return { ok: false, error: 'Its edited scenario is damaged (it does not decompress).' };
  const raw = parse(json);
  if (raw === undefined) return { ok: false, error: 'Its edited scenario is damaged (it is not JSON).' };
  const valid = validateScenario(raw);
  if (valid.ok) return valid;
  const first = printable((valid.errors[0] ?? 'invalid').slice(0, MAX_MESSAGE_CHARS));
  const more = valid.errors.length > 1 ? ` (and ${valid.errors.length - 1} more problems)` : '';
  return { ok: false, error: `Its edited scenario is not valid: ${first}${more}` };
}
