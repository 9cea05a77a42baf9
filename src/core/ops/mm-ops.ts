import { report, say } from '../context';
import { jump, localsOf, type Op } from './shared';
import { onWords } from './words/word-op';
import { WORD_OPS } from './words/word-ops';

export const mmOps = {
  'lock-page': onWords(WORD_OPS['lock-page']),
  zap: onWords(WORD_OPS.zap),
  'tlb-flush': onWords(WORD_OPS['tlb-flush']),
  'free-batch': onWords(WORD_OPS['free-batch']),
  reuse: onWords(WORD_OPS.reuse),
  'oom-check': {
    run(ctx) {
      if (!localsOf(ctx).eagain) return say(ctx, 'The notifier agreed: the reaper zaps the VMA.');
      localsOf(ctx).aborted = true;
      jump(ctx, ctx.instr.target);
      report(
        ctx,
        'oom-reaper-skipped',
        [],
        'The notifier refused a non-blockable invalidation, so the OOM reaper skipped QEMU’s VMA and freed none of its memory; oom_reap_task tries again up to 10 times, HZ/10 apart, and then gives up on the mm.',
        'Return -EAGAIN (or false) only when the range overlaps the ring and the callback would really have to sleep.',
      );
    },
  },
  'unmap-swap': onWords(WORD_OPS['unmap-swap']),
  pageout: onWords(WORD_OPS.pageout),
  'remove-mapping': onWords(WORD_OPS['remove-mapping']),
  'unlock-page': onWords(WORD_OPS['unlock-page']),
  'unmap-migration': onWords(WORD_OPS['unmap-migration']),
  'move-mapping': onWords(WORD_OPS['move-mapping']),
  remap: onWords(WORD_OPS.remap),
  'unlock-free': onWords(WORD_OPS['unlock-free']),
} satisfies Record<string, Op>;
