import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** KSM's merge and THP's split: written on words (`words/word-ksm-ops.ts`). */
export const ksmThpOps = {
  'ksm-trylock': onWords(WORD_OPS['ksm-trylock']),
  'ksm-wrprotect': onWords(WORD_OPS['ksm-wrprotect']),
  'ksm-if-merge': onWords(WORD_OPS['ksm-if-merge']),
  'ksm-replace': onWords(WORD_OPS['ksm-replace']),
  'split-pmd': onWords(WORD_OPS['split-pmd']),
} satisfies Record<string, Op>;
