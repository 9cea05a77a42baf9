import { decode } from './decode';
import type { RunLink } from './run-link-types';

export { decode } from './decode';
export { encodeRunLink, linkFor } from './encode';
export { type LinkDecode, MAX_LINK_STEPS, type RunLink } from './run-link-types';

export type DecodedLink = { ok: true; link: RunLink } | { ok: false; error: string };

/** Null when the query holds no link; a precise error when it holds a broken one (built-in scenarios only). */
export function decodeRunLink(search: string): DecodedLink | null {
  const decoded = decode(search);
  if (decoded.status === 'none') return null;
  return decoded.status === 'ok' ? { ok: true, link: decoded.link } : { ok: false, error: decoded.error };
}
