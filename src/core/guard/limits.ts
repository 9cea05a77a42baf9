/**
 * Caps on untrusted scenario data, checked before anything walks, copies or stringifies it. A valid scenario
 * is about 1 KB, 3 levels deep, with lists of at most 500 entries; these caps leave room and nothing more.
 */
export const UNTRUSTED_LIMITS = {
  /** Characters of JSON text (the CLI also caps the file's bytes before reading it). */
  maxTextLength: 64 * 1024,
  /** Nesting of lists and objects; the root object is depth 1. */
  maxDepth: 8,
  /** Lists, objects, strings, numbers, booleans and nulls, all counted. */
  maxValues: 4096,
  maxListLength: 1000,
  maxKeys: 64,
  maxStringLength: 4096,
  /** Characters over all strings and keys together. */
  maxTotalChars: 64 * 1024,
} as const;

export type UntrustedLimits = { readonly [K in keyof typeof UNTRUSTED_LIMITS]: number };

/** The bytes of a scenario file the CLI reads at most: the text cap in UTF-8's worst case. */
export const MAX_SCENARIO_FILE_BYTES = 4 * UNTRUSTED_LIMITS.maxTextLength;
