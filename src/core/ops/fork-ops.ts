import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** fork's copy_page_range and QEMU's COW fault: written on words (`words/word-fork-ops.ts`). */
export const forkOps = {
  'fork-copy': onWords(WORD_OPS['fork-copy']),
  'cow-fault': onWords(WORD_OPS['cow-fault']),
  'cow-copy': onWords(WORD_OPS['cow-copy']),
  'cow-clear': onWords(WORD_OPS['cow-clear']),
  'cow-set': onWords(WORD_OPS['cow-set']),
} satisfies Record<string, Op>;
