import { vqsOf } from '../pagetable';
import { updateEntry } from './promela-kernel';
import { notHeldByOther, type PromelaOp } from './promela-op-types';

const L = 'threads[T].locals';
/** `overlapPages(s, t).length > 0` (the macro is in promela-vqs.ts). */
export const OVERLAP = 'OVERLAPS(T)';

/** `dirtyPointed` then `clearPointers` (notifier-ops.ts), unless the step holds the lock for a later step. */
export const DIRTY_AND_CLEAR = `
  if
  :: !(FLAGS & BUG_skip_set_page_dirty) && ${OVERLAP} ->
     h_p = 0;
     do :: h_p < vhost.ptr_len -> if :: IS_USED_SLOT(h_p) && IN_OVERLAP(T, h_p) && vhost.ptr[h_p] >= 0 -> frames[vhost.ptr[h_p]].dirty = 1 :: else fi; h_p++
     :: else -> break od
  :: else
  fi;
  clear_pointers(T)`;

const kseqStart = (hold: boolean) => ({
  enabled: notHeldByOther('mmuLock'),
  body: `
  if :: !(FLAGS & BUG_range_dependent_count) || ${OVERLAP} -> vhost.count++ :: else fi;
  ${hold ? 'vhost.mmuLock = T' : DIRTY_AND_CLEAR}`,
});

const rcuStart = (hold: boolean) => ({
  enabled: notHeldByOther('mmuLock'),
  body: `
  if
  :: ${OVERLAP} ->
     vhost.count++;
     h_ok = 0; h_p = 0;
     do :: h_p < vhost.ptr_len -> if :: IN_OVERLAP(T, h_p) && vhost.ptr[h_p] >= 0 -> h_ok = 1 :: else fi; h_p++ :: else -> break od;
     ${L}.unpublished = h_ok
  :: else
  fi;
  ${hold ? 'vhost.mmuLock = T' : DIRTY_AND_CLEAR}`,
});

/** `unmapTargets(ctx, null, 'none', 'isolated', false)` (a zap): the frames that lost their last mapping go to refs. */
const zapTargets = `
  list_clear(${L}.refs, ${L}.refs_len);
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     if
     :: IN_TGT(T, h_gp) && ptes[h_gp].present ->
        h_f = ptes[h_gp].frame;
        list_has(${L}.refs, ${L}.refs_len, h_f);
        if
        :: !h_ok ->
           list_push(${L}.refs, ${L}.refs_len, CAP_threads_locals_refs, h_f);
           frames[h_f].mapcount = frames[h_f].mapcount - 1;
           if :: frames[h_f].mapcount == 0 -> frames[h_f].owner = OWNER_isolated :: else fi
        :: else
        fi;
        ${updateEntry('h_gp', { present: '0', swapped: 'SWAPPED_none', dirty: '0', writable: '0' })}
     :: else
     fi;
     h_gp++
  :: else -> break od`;

export const MM_OPS = {
  'mm-start': {
    body: `
  ${L}.eagain = 0;
  if
  :: IS_INTERVAL ->
     vhost.itreeActive++;
     if :: vhost.itreeSeq % 2 == 0 && ${OVERLAP} -> vhost.itreeSeq++ :: else fi
  :: else
  fi`,
  },
  'mm-end': {
    body: `
  if
  :: IS_INTERVAL ->
     vhost.itreeActive--;
     if :: vhost.itreeActive == 0 && vhost.itreeSeq % 2 == 1 -> vhost.itreeSeq++ :: else fi
  :: else
  fi`,
  },
  'kseq-start': kseqStart(false),
  'kseq-start-hold': kseqStart(true),
  'kseq-end': {
    enabled: notHeldByOther('mmuLock'),
    body: `
  if :: (FLAGS & BUG_range_dependent_count) && !(${OVERLAP}) -> skip
  :: else -> vhost.seq++; vhost.count--
  fi`,
  },
  'rcu-start': rcuStart(false),
  'rcu-start-hold': rcuStart(true),
  'rcu-end': { enabled: notHeldByOther('mmuLock'), body: `if :: ${OVERLAP} -> vhost.count-- :: else fi` },
  'sync-rcu': {
    enabled: (g) => {
      const others = Array.from({ length: g.scenario.mm.length + 1 }, (_, u) => u).filter((u) => u !== g.t);
      const reader = others.map((u) => `threads[${u}].locals.inRcu`).join(' || ') || '0';
      return `(!threads[${g.t}].locals.unpublished || !(${reader}))`;
    },
    body: `if :: ${L}.unpublished -> ${L}.unpublished = 0; might_sleep(T, FLAGS) :: else fi`,
  },
  'dirty-lock-notifier': {
    enabled: (g) => {
      const slots = Array.from({ length: g.np * vqsOf(g.scenario) }, (_, p) => p);
      const locked = slots.map(
        (p) =>
          `(IS_USED_SLOT(${p}) && IN_OVERLAP(${g.t}, ${p}) && vhost.ptr[${p}] >= 0 && frames[vhost.ptr[${p}]].locked)`,
      );
      return `!(${locked.join(' || ')})`;
    },
    body: `
  h_ok = 0;
  if
  :: ${OVERLAP} ->
     h_p = 0;
     do :: h_p < vhost.ptr_len -> if :: IS_USED_SLOT(h_p) && IN_OVERLAP(T, h_p) && vhost.ptr[h_p] >= 0 -> h_ok = 1 :: else fi; h_p++
     :: else -> break od
  :: else
  fi;
  if
  :: h_ok ->
     might_sleep(T, FLAGS);
     h_p = 0;
     do :: h_p < vhost.ptr_len -> if :: IS_USED_SLOT(h_p) && IN_OVERLAP(T, h_p) && vhost.ptr[h_p] >= 0 -> frames[vhost.ptr[h_p]].dirty = 1 :: else fi; h_p++
     :: else -> break od
  :: else
  fi`,
  },
  'clear-unlock': { body: 'clear_pointers(T); vhost.mmuLock = -1' },
  zap: {
    body: `${zapTargets};
  list_clear(${L}.pages, ${L}.pages_len);
  h_i = 0;
  do :: h_i < ${L}.refs_len -> list_push(${L}.pages, ${L}.pages_len, CAP_threads_locals_pages, ${L}.refs[h_i]); h_i++
  :: else -> break od`,
  },
  'tlb-flush': { body: 'flush_user_tlb(T)' },
  'free-batch': {
    body: `
  h_i = 0;
  do :: h_i < ${L}.refs_len ->
     h_f = ${L}.refs[h_i]; put_ref(h_f);
     if :: frames[h_f].owner != OWNER_free && mm_kind[T] != MMKIND_oom_reap -> frames[h_f].owner = OWNER_orphan :: else fi;
     h_i++
  :: else -> break od;
  list_clear(${L}.refs, ${L}.refs_len)`,
  },
  reuse: {
    body: `
  h_i = 0;
  do :: h_i < ${L}.pages_len ->
     h_f = ${L}.pages[h_i];
     if
     :: frames[h_f].owner == OWNER_free ->
        frames[h_f].owner = OWNER_reused_by_other; frames[h_f].refcount = 1; frames[h_f].mapcount = 0; frames[h_f].usedIdx = 0
     :: else
     fi;
     h_i++
  :: else -> break od`,
  },
} satisfies Record<string, PromelaOp>;

/** `clearPointers` and `mightSleep` (shared.ts), used by several ops. */
export const MM_INLINES = `
inline clear_pointers(T) {
  h_p = 0;
  do :: h_p < vhost.ptr_len -> if :: IN_OVERLAP(T, h_p) -> vhost.ptr[h_p] = -1 :: else fi; h_p++ :: else -> break od
}
inline might_sleep(T, FLAGS) {
  if
  :: (vhost.mmuLock == T && !MMU_IS_MUTEX) || threads[T].locals.inRcu || (FLAGS & CTX_PT_LOCK) -> HAZARD(sleep_in_atomic)
  :: else -> if :: (FLAGS & CTX_PRESENT) && !(FLAGS & CTX_BLOCKABLE) -> HAZARD(block_in_nonblock) :: else fi
  fi
}
`;

/** `itreeGiveUp` (notifier-ops.ts): a callback returned false, so mn_itree_invalidate ends the invalidation itself. */
export const INTERVAL_INLINES = `
inline itree_give_up(T) {
  threads[T].locals.eagain = 1;
  if
  :: IS_INTERVAL ->
     vhost.itreeActive--;
     if :: vhost.itreeActive == 0 && vhost.itreeSeq % 2 == 1 -> vhost.itreeSeq++ :: else fi
  :: else
  fi
}
`;
