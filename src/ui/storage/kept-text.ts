import { parseUntrustedJson } from '../../core/guard/json-text';
import { UNTRUSTED_LIMITS } from '../../core/guard/limits';
import type { Json } from '../../core/guard/problem';

/** The most characters one kept value may take in storage; larger writes are skipped, larger reads refused. */
export const MAX_KEPT_CHARS = 32 * 1024;

/** A typed validator: the value it accepts, or null. It only ever sees plain JSON the guard has copied. */
export type KeptShape<T> = (json: Json) => T | null;

/**
 * Reads text that came back from storage (another tab, an extension or an older version may have written it):
 * it passes the guarded door's caps, then `shape`. Never throws; anything else gives null.
 */
export function readKept<T>(text: string | null | undefined, shape: KeptShape<T>): T | null {
  if (typeof text !== 'string' || text.length > MAX_KEPT_CHARS) return null;
  const parsed = parseUntrustedJson(text, { ...UNTRUSTED_LIMITS, maxTextLength: MAX_KEPT_CHARS });
  if (!parsed.ok) return null;
  try {
    return shape(parsed.value);
  } catch {
    return null;
  }
}

/** The text to keep for `value`, or null when it is too large to keep. */
export function writeKept(value: unknown): string | null {
  try {
    const text = JSON.stringify(value);
    return typeof text === 'string' && text.length <= MAX_KEPT_CHARS ? text : null;
  } catch {
    return null;
  }
}
