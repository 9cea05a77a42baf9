// The default import: lz-string is CommonJS, and Node's ESM loader (tsx scripts) cannot see its named exports.
import LZString from 'lz-string';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

import { isUnsafeChar, validateScenario } from '../core';
import { parseUntrustedJson } from '../core/guard/json-text';
import type { Scenario } from '../core/types';
import { MAX_SCENARIO_CODE_CHARS } from './run-link-types';

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
  if (!json) return { ok: false, error: 'Its edited scenario is damaged (it does not decompress).' };
  if (json.length > MAX_JSON_CHARS)
    return {
      ok: false,
      error: `Its edited scenario decompresses to ${json.length} characters; a scenario is at most ${MAX_JSON_CHARS}.`,
    };
  const raw = parseUntrustedJson(json);
  if (!raw.ok)
    return raw.error.problem === 'not-json'
      ? { ok: false, error: 'Its edited scenario is damaged (it is not JSON).' }
      : { ok: false, error: `Its edited scenario is refused: ${raw.error.message}` };
  const valid = validateScenario(raw.value);
  if (valid.ok) return valid;
  const first = printable((valid.errors[0] ?? 'invalid').slice(0, MAX_MESSAGE_CHARS));
  const more = valid.errors.length > 1 ? ` (and ${valid.errors.length - 1} more problems)` : '';
  return { ok: false, error: `Its edited scenario is not valid: ${first}${more}` };
}
