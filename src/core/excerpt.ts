/** The longest excerpt of untrusted text any message may quote, counted as shown (after escaping). */
export const EXCERPT_MAX = 40;
/** The longest message line a guarded door gives a person (the CLI joins several on its one stderr line). */
export const MESSAGE_MAX = 240;

/**
 * Quotes untrusted text safely for a one-line message: control, format, surrogate and non-ASCII-printable
 * characters are escaped, and at most `max` characters are shown, escapes included; a cut names the full length.
 * Never throws.
 */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const { shown, cut } = escapedPrefix(text, max, escapeChar);
  return cut ? `"${shown}…" (${text.length} characters)` : `"${shown}"`;
}

/**
 * Untrusted text made safe to print as (part of) one line, unquoted: control, format and separator characters
 * escaped as in `excerpt` (quotes and backslashes left as they are), at most `max` characters shown (escapes
 * included), with the full length named when cut. Never throws.
 */
export function escapeLine(text: string, max: number): string {
  const { shown, cut } = escapedPrefix(text, max, escapeUnsafe);
  return cut ? `${shown}… (${text.length} characters)` : shown;
}

/** A message cut to `MESSAGE_MAX` characters (never inside a surrogate pair); the one bound on a message line. */
export function boundLine(message: string, max = MESSAGE_MAX): string {
  if (message.length <= max) return message;
  const end = /[\uD800-\uDBFF]/.test(message.charAt(max - 2)) ? max - 2 : max - 1;
  return `${message.slice(0, end)}…`;
}

/** The escaped characters of `text` that fit in `max` characters; stops reading at the first that does not. */
function escapedPrefix(text: string, max: number, escapeOne: (c: string) => string): { shown: string; cut: boolean } {
  let shown = '';
  // Iterating a string yields code points, and a lone surrogate as itself.
  for (const c of text) {
    const escaped = escapeOne(c);
    if (shown.length + escaped.length > max) return { shown, cut: true };
    shown += escaped;
  }
  return { shown, cut: false };
}

function escapeChar(c: string): string {
  if (c === '"') return '\\"';
  if (c === '\\') return '\\\\';
  return escapeUnsafe(c);
}

/** C0/C1 controls, DEL, lone surrogates, line/paragraph separators, bidi and zero-width marks: never shown raw. */
export function isUnsafeChar(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function escapeUnsafe(c: string): string {
  if (!isUnsafeChar(c)) return c;
  return `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}
