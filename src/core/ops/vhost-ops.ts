import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

export const vhostOps = {
  'round-begin': onWords(WORD_OPS['round-begin']),
  'round-end': onWords(WORD_OPS['round-end']),
  gup: onWords(WORD_OPS.gup),
  'gup-locked': onWords(WORD_OPS['gup-locked']),
  unpin: onWords(WORD_OPS.unpin),
  'put-pages': onWords(WORD_OPS['put-pages']),
  vmap: onWords(WORD_OPS.vmap),
  vunmap: onWords(WORD_OPS.vunmap),
  'if-vmapped': onWords(WORD_OPS['if-vmapped']),
  'if-mapped': onWords(WORD_OPS['if-mapped']),
  uaccess: onWords(WORD_OPS.uaccess),
  vload: onWords(WORD_OPS.vload),
  vaccess: onWords(WORD_OPS.vaccess),
  'dirty-lock': onWords(WORD_OPS['dirty-lock']),
} satisfies Record<string, Op>;
