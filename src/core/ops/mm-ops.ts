import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

export const mmOps = {
  'lock-page': onWords(WORD_OPS['lock-page']),
  zap: onWords(WORD_OPS.zap),
  'tlb-flush': onWords(WORD_OPS['tlb-flush']),
  'free-batch': onWords(WORD_OPS['free-batch']),
  reuse: onWords(WORD_OPS.reuse),
  'oom-check': onWords(WORD_OPS['oom-check']),
  'unmap-swap': onWords(WORD_OPS['unmap-swap']),
  pageout: onWords(WORD_OPS.pageout),
  'remove-mapping': onWords(WORD_OPS['remove-mapping']),
  'unlock-page': onWords(WORD_OPS['unlock-page']),
  'unmap-migration': onWords(WORD_OPS['unmap-migration']),
  'move-mapping': onWords(WORD_OPS['move-mapping']),
  remap: onWords(WORD_OPS.remap),
  'unlock-free': onWords(WORD_OPS['unlock-free']),
} satisfies Record<string, Op>;
