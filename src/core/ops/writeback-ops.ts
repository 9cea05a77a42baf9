import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** Writeback of file memory: write_cache_pages → clear_page_dirty_for_io → page_mkclean → ->writepage (v5.0), on words (`words/word-writeback-ops.ts`). */
export const writebackOps = {
  'wb-if-dirty': onWords(WORD_OPS['wb-if-dirty']),
  mkclean: onWords(WORD_OPS.mkclean),
  writepage: onWords(WORD_OPS.writepage),
} satisfies Record<string, Op>;
