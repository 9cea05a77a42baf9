import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

/** The notifier's callbacks and the mm side's start and end; their bodies are on words (`words/word-*-ops.ts`). */
export const notifierOps = {
  'mm-start': onWords(WORD_OPS['mm-start']),
  'mm-end': onWords(WORD_OPS['mm-end']),
  'eagain-if-nonblock': onWords(WORD_OPS['eagain-if-nonblock']),
  'kseq-start': onWords(WORD_OPS['kseq-start']),
  'kseq-start-hold': onWords(WORD_OPS['kseq-start-hold']),
  'interval-invalidate': onWords(WORD_OPS['interval-invalidate']),
  'interval-invalidate-hold': onWords(WORD_OPS['interval-invalidate-hold']),
  'imutex-invalidate': onWords(WORD_OPS['imutex-invalidate']),
  'imutex-invalidate-hold': onWords(WORD_OPS['imutex-invalidate-hold']),
  'rcu-start': onWords(WORD_OPS['rcu-start']),
  'rcu-start-hold': onWords(WORD_OPS['rcu-start-hold']),
  'dirty-lock-notifier': onWords(WORD_OPS['dirty-lock-notifier']),
  'clear-unlock': onWords(WORD_OPS['clear-unlock']),
  'sync-rcu': onWords(WORD_OPS['sync-rcu']),
  'rcu-end': onWords(WORD_OPS['rcu-end']),
  'kseq-end': onWords(WORD_OPS['kseq-end']),
  'inv-mutex-lock': onWords(WORD_OPS['inv-mutex-lock']),
  'inv-vunmap': onWords(WORD_OPS['inv-vunmap']),
  'inv-mutex-unlock': onWords(WORD_OPS['inv-mutex-unlock']),
} satisfies Record<string, Op>;
