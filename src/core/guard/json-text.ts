import { escapeLine } from '../excerpt';
import { UNTRUSTED_LIMITS, type UntrustedLimits } from './limits';
import { plainCopy } from './plain-copy';
import { type Guarded, refuse } from './problem';

/**
 * Parses untrusted JSON text: the length and the nesting depth are checked on the raw text before `JSON.parse`
 * runs, then the result goes through `plainCopy`'s caps. Never throws.
 */
export function parseUntrustedJson(text: string, limits: UntrustedLimits = UNTRUSTED_LIMITS): Guarded {
  if (text.length > limits.maxTextLength)
    return refuse('too-large', '', `${text.length} characters of JSON; at most ${limits.maxTextLength}.`);
  const depth = nestingDepth(text);
  if (depth > limits.maxDepth) return refuse('too-deep', '', `JSON nested deeper than ${limits.maxDepth} levels.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    return refuse('not-json', '', `malformed JSON: ${escapeLine(reason, 120)}`);
  }
  return plainCopy(parsed, limits);
}

/** The deepest nesting of `[` and `{` outside strings (a linear scan that cannot overflow a stack). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
