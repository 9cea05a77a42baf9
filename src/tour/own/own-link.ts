// The default import: lz-string is CommonJS, and Node's ESM loader (tsx scripts) cannot see its named exports.
import LZString from 'lz-string';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

import { parseUntrustedJson } from '../../core/guard/json-text';
import { UNTRUSTED_LIMITS } from '../../core/guard/limits';
import { shortHash } from '../../url/hash';
import { MAX_LINK_CHARS } from '../../url/run-link-types';
import { type OwnTour, validateOwnTour } from './own-tour';

/** The version of the own-tour link format: `?own=1&c=<checksum>#o=<lz-string code>`. */
export const OWN_LINK_FORMAT = '1';
/** A tour's JSON is at most this long; a code decompressing to more is refused before parsing. */
export const MAX_OWN_JSON_CHARS = UNTRUSTED_LIMITS.maxTextLength;
const ALPHABET = /^[A-Za-z0-9+\-$]+$/;

export type OwnTourRead = { status: 'none' } | { status: 'ok'; tour: OwnTour } | { status: 'error'; error: string };

const checksumOf = (code: string) => shortHash(`${OWN_LINK_FORMAT}|${code}`, 5);

/** The link text for `tour`, or null when it would be longer than a link may be (share the JSON file then). */
export function encodeOwnTour(tour: OwnTour): string | null {
  const code = compressToEncodedURIComponent(JSON.stringify(tour));
  const text = `?own=${OWN_LINK_FORMAT}&c=${checksumOf(code)}#o=${code}`;
  return text.length <= MAX_LINK_CHARS ? text : null;
}

/** Reads a tour from JSON text (a file, storage or a decompressed link) through the guarded door. Never throws. */
export function readOwnTourJson(text: string): OwnTourRead {
  const parsed = parseUntrustedJson(text);
  if (!parsed.ok) return { status: 'error', error: `The tour cannot be read: ${parsed.error.message}` };
  const checked = validateOwnTour(parsed.value);
  return checked.ok
    ? { status: 'ok', tour: checked.tour }
    : { status: 'error', error: `The tour is not valid: ${checked.errors.join('; ')}` };
}

function decompress(code: string): string | null {
  try {
    return decompressFromEncodedURIComponent(code);
  } catch {
    return null;
  }
}

/** Reads an own-tour link's text (query and fragment); `none` when it names no own tour. Never throws. */
export function decodeOwnTour(text: string): OwnTourRead {
  try {
    const raw = String(text);
    if (raw.length > MAX_LINK_CHARS)
      return { status: 'error', error: `The tour link is ${raw.length} characters long; at most ${MAX_LINK_CHARS}.` };
    const cut = raw.indexOf('#');
    const query = new URLSearchParams(cut < 0 ? raw : raw.slice(0, cut));
    if (!query.has('own')) return { status: 'none' };
    if (query.get('own') !== OWN_LINK_FORMAT)
      return { status: 'error', error: 'This tour link was made by another version of Ringside.' };
    // Read by hand: URLSearchParams would turn lz-string's "+" into a space.
    const fragment = cut < 0 ? '' : raw.slice(cut + 1);
    const code = fragment.startsWith('o=') ? fragment.slice(2) : '';
    if (!ALPHABET.test(code)) return { status: 'error', error: 'The tour link has no tour in it, or it was cut.' };
    if (query.get('c') !== checksumOf(code))
      return { status: 'error', error: 'The tour link was changed or cut short (its checksum does not match).' };
    const json = decompress(code);
    if (json === null || json.length === 0 || json.length > MAX_OWN_JSON_CHARS)
      return { status: 'error', error: 'The tour in the link cannot be unpacked.' };
    return readOwnTourJson(json);
  } catch {
    return { status: 'error', error: 'The tour link could not be read.' };
  }
}
