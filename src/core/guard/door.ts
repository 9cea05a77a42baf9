import { boundLine } from '../excerpt';
import { parseUntrustedJson } from './json-text';
import type { UntrustedLimits } from './limits';
import type { Json } from './problem';

/** What the door answers: the checked value, or one short line saying why it was refused. */
export type DoorAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

/** A typed check of data that has passed the capped parse; it may refuse with a one-line message. */
export type DoorCheck<T> = (value: Json) => DoorAnswer<T>;

/**
 * The one way in for untrusted JSON text: an imported or dropped file, a draft read back from storage, a tour or run
 * file. The text passes the capped parse (`parseUntrustedJson`: length and depth before `JSON.parse`, then the caps
 * of `plainCopy`), then the caller's typed check, before anything renders it. Never throws, whatever it is given.
 */
export function openUntrustedJson<T>(text: unknown, check: DoorCheck<T>, limits?: UntrustedLimits): DoorAnswer<T> {
  if (typeof text !== 'string') return { ok: false, message: 'scenario: not text.' };
  const parsed = parseUntrustedJson(text, limits);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  try {
    const checked = check(parsed.value);
    return checked.ok ? checked : { ok: false, message: boundLine(checked.message) };
  } catch {
    // A check is trusted code; if it throws anyway, the input is refused rather than the page broken.
    return { ok: false, message: 'scenario: the data could not be checked.' };
  }
}

/** The part of a key-value store (`localStorage`) the door reads. */
export interface StoredText {
  getItem(key: string): string | null;
}

/**
 * A value read back from storage through the same door: nothing stored, storage that throws when read (sandboxed
 * frames, disabled storage) and anything the check refuses all answer `{ ok: false }`. Never throws.
 */
export function openStoredJson<T>(
  storage: StoredText | null,
  key: string,
  check: DoorCheck<T>,
  limits?: UntrustedLimits,
): DoorAnswer<T> {
  let text: string | null;
  try {
    text = storage ? storage.getItem(key) : null;
  } catch {
    return { ok: false, message: 'storage: it could not be read.' };
  }
  return text === null ? { ok: false, message: 'storage: nothing stored.' } : openUntrustedJson(text, check, limits);
}
