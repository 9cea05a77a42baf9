import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** QEMU's exit: written on words (`words/word-exit-ops.ts`). */
export const exitOps = {
  'exit-mm': onWords(WORD_OPS['exit-mm']),
  'exit-stop-worker': onWords(WORD_OPS['exit-stop-worker']),
  'exit-teardown': onWords(WORD_OPS['exit-teardown']),
  'exit-release': onWords(WORD_OPS['exit-release']),
} satisfies Record<string, Op>;
