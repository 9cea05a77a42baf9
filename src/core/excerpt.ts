/** The longest excerpt of untrusted text any message may quote. */
export const EXCERPT_MAX = 40;

/**
 * Quotes untrusted text safely for a one-line message: control, format and non-ASCII-printable characters are
 * escaped, and text longer than `max` characters is cut with its full length named. Never throws.
 */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const chars = Array.from(text.length > max * 4 ? text.slice(0, max * 4) : text);
  const shown = chars.slice(0, max).map(escapeChar).join('');
  const cut = chars.length > max || text.length > max * 4;
  return cut ? `"${shown}…" (${text.length} characters)` : `"${shown}"`;
}

/**
 * Untrusted text made safe to print as (part of) one line, unquoted: control, format and separator characters
 * escaped as in `excerpt` (quotes and backslashes left as they are), cut after `max` characters with the full
 * length named. Never throws.
 */
export function escapeLine(text: string, max: number): string {
  const chars = Array.from(text.length > max * 4 ? text.slice(0, max * 4) : text);
  const shown = chars.slice(0, max).map(escapeUnsafe).join('');
  return chars.length > max || text.length > max * 4 ? `${shown}… (${text.length} characters)` : shown;
}

function escapeChar(c: string): string {
  if (c === '"') return '\\"';
  if (c === '\\') return '\\\\';
  return escapeUnsafe(c);
}

/** C0/C1 controls, DEL, line/paragraph separators, bidi and zero-width marks: never shown raw. */
export function isUnsafeChar(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
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
