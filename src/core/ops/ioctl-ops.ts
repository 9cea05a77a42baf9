import type { Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

// Kept importable from here: the lock view and the Promela export use it.
export { MMAP_SEM_KINDS } from './notifier-registration';

/** VHOST_SET_VRING_ADDR's steps; their bodies are on words (`words/word-ioctl-ops.ts`, `words/word-lock-ops.ts`). */
export const ioctlOps = {
  'ioctl-lock': onWords(WORD_OPS['ioctl-lock']),
  'set-addr': onWords(WORD_OPS['set-addr']),
  'ioctl-unlock': onWords(WORD_OPS['ioctl-unlock']),
  'notifier-unregister': onWords(WORD_OPS['notifier-unregister']),
  'notifier-register': onWords(WORD_OPS['notifier-register']),
} satisfies Record<string, Op>;
