import { takesMutex } from '../ops/shared';
import { notHeldByOther, type PromelaOp } from './promela-op-types';
import { DIRTY_AND_CLEAR, OVERLAP } from './promela-ops-mm';

const L = 'threads[T].locals';
/** `takesMutex(instr)` from the instruction's FLAGS: a blockable caller, or the mutex-in-nonblock bug. */
const TAKES = '(!(FLAGS & CTX_PRESENT) || (FLAGS & CTX_BLOCKABLE) || (FLAGS & BUG_mutex_in_nonblock))';

const intervalStart = (hold: boolean): PromelaOp => ({
  enabled: notHeldByOther('mmuLock'),
  body: `
  if :: ${OVERLAP} -> vhost.seq = vhost.itreeSeq :: else fi;
  ${hold ? 'vhost.mmuLock = T' : DIRTY_AND_CLEAR}`,
});

const mutexStart = (hold: boolean): PromelaOp => ({
  enabled: (g) => (takesMutex(g.instr) ? `(!OVERLAPS(${g.t}) || ${notHeldByOther('mmuLock')(g)})` : '1'),
  body: `
  if
  :: !(${OVERLAP}) -> skip
  :: else ->
     if
     :: !${TAKES} && vhost.mmuLock >= 0 && vhost.mmuLock != T -> itree_give_up(T); threads[T].pc = TARGET
     :: else ->
        if :: ${TAKES} -> might_sleep(T, FLAGS) :: else fi;
        vhost.seq = vhost.itreeSeq;
        ${hold ? 'vhost.mmuLock = T' : DIRTY_AND_CLEAR}
     fi
  fi`,
});

/** The interval-notifier designs, the OOM reaper's check and THP split (notifier-ops.ts, fastpath-ops.ts, mm-ops.ts, ksm-thp-ops.ts). */
export const INTERVAL_OPS = {
  'read-begin': {
    enabled: () => '!(vhost.itreeSeq % 2 == 1 && vhost.seq == vhost.itreeSeq)',
    body: `${L}.seqSnap = vhost.seq`,
  },
  'interval-invalidate': intervalStart(false),
  'interval-invalidate-hold': intervalStart(true),
  'imutex-invalidate': mutexStart(false),
  'imutex-invalidate-hold': mutexStart(true),
  'eagain-if-nonblock': {
    body: 'if :: (FLAGS & CTX_PRESENT) && !(FLAGS & CTX_BLOCKABLE) -> itree_give_up(T); threads[T].pc = TARGET :: else fi',
  },
  'oom-check': { body: `if :: ${L}.eagain -> ${L}.aborted = 1; threads[T].pc = TARGET :: else fi` },
  'split-pmd': {
    body: `
  flush_user_tlb(T);
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] -> if :: IN_TGT(T, h_gp) -> ptes[h_gp].size = SIZE_4K :: else fi; h_gp++ :: else -> break od`,
  },
} satisfies Record<string, PromelaOp>;
