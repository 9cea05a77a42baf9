import { updateEntry } from './promela-kernel';
import type { PromelaOp } from './promela-op-types';

const L = 'threads[T].locals';
/** `ksmTarget` (ksm-thp-ops.ts): the ring page holding used.idx when the event targets it, else its first page. */
const KSM_GP = '((IDX_PAGE >= tgt_first[T] && IDX_PAGE <= tgt_last[T]) -> IDX_PAGE : tgt_first[T])';
/** `l.pages[0] ?? -1`: the one page KSM locked. */
const KSM_FRAME = `(${L}.pages_len > 0 -> ${L}.pages[0] : -1)`;

/** `flushUserTlb(ctx, [gp])` (tlb.ts): drops the user entries of one ring page on every CPU. */
export const KSM_WB_INLINES = `
inline flush_user_gp(GP) {
  user_tlb_key(GP); h_keys = (1 << h_key) | (1 << GP);
  h_w = 0;
  do :: h_w < 2 -> drop_flushed(); h_w++ :: else -> break od
}
`;

/** The mapped targets that map one of the thread's locked pages (`mkclean`'s `mapped`): sets `h_ok`. */
const mappedLocked = `list_has(${L}.pages, ${L}.pages_len, ptes[h_gp].frame); h_ok = h_ok && ptes[h_gp].present`;

/** KSM's try_to_merge_one_page (ksm-thp-ops.ts) and writeback (writeback-ops.ts), in the same order of reads and writes. */
export const KSM_WB_OPS = {
  'ksm-trylock': {
    body: `
  h_gp = ${KSM_GP};
  h_f = (ptes[h_gp].present -> ptes[h_gp].frame : -1);
  if
  :: h_f < 0 -> ${L}.aborted = 1; threads[T].pc = TARGET
  :: h_f >= 0 && frames[h_f].owner != OWNER_qemu_ring -> ${L}.aborted = 1; threads[T].pc = TARGET
  :: h_f >= 0 && frames[h_f].owner == OWNER_qemu_ring && frames[h_f].locked -> ${L}.aborted = 1; threads[T].pc = TARGET
  :: else ->
     frames[h_f].locked = 1; frames[h_f].refcount = frames[h_f].refcount + 1;
     list_clear(${L}.pages, ${L}.pages_len);
     list_push(${L}.pages, ${L}.pages_len, CAP_threads_locals_pages, h_f)
  fi`,
  },
  'ksm-wrprotect': {
    body: `
  h_f = ${KSM_FRAME}; h_gp = ${KSM_GP};
  if
  :: h_f < 0 || !ptes[h_gp].present || ptes[h_gp].frame != h_f -> ${L}.aborted = 1
  :: else ->
     if
     :: !ptes[h_gp].writable && !ptes[h_gp].dirty -> skip
     :: else ->
        flush_user_gp(h_gp);
        if
        :: frames[h_f].refcount != frames[h_f].mapcount + 1 -> ${L}.aborted = 1
        :: else ->
           if :: ptes[h_gp].dirty -> frames[h_f].dirty = 1 :: else fi;
           ${updateEntry('h_gp', { writable: '0', dirty: '0' })}
        fi
     fi
  fi`,
  },
  'ksm-if-merge': {
    body: `
  h_f = ${KSM_FRAME};
  if
  :: ${L}.aborted || h_f < 0 -> threads[T].pc = TARGET
  :: else ->
     if
     :: ${KSM_GP} % NP == IDX_PAGE && frames[h_f].usedIdx != frames[${L}.newFrame].usedIdx ->
        ${L}.aborted = 1; threads[T].pc = TARGET
     :: else
     fi
  fi`,
  },
  'ksm-replace': {
    body: `
  h_f = ${KSM_FRAME}; h_gp = ${KSM_GP};
  if
  :: h_f < 0 || !ptes[h_gp].present || ptes[h_gp].frame != h_f || ptes[h_gp].writable -> ${L}.aborted = 1
  :: else ->
     ${updateEntry('h_gp', { frame: `${L}.newFrame`, writable: '0', present: '1' })};
     frames[${L}.newFrame].mapcount = frames[${L}.newFrame].mapcount + 1;
     frames[${L}.newFrame].refcount = frames[${L}.newFrame].refcount + 1;
     frames[h_f].mapcount = frames[h_f].mapcount - 1;
     frames[h_f].refcount = frames[h_f].refcount - 1;
     frames[h_f].owner = OWNER_orphan;
     flush_user_gp(h_gp)
  fi`,
  },
  'wb-if-dirty': {
    body: `
  h_ok = 0; h_x = 0;
  do :: h_x < ${L}.pages_len -> if :: frames[${L}.pages[h_x]].dirty -> h_ok = 1 :: else fi; h_x++ :: else -> break od;
  if :: !h_ok -> threads[T].pc = TARGET :: else fi`,
  },
  mkclean: {
    body: `
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     ${mappedLocked};
     if :: h_ok && ptes[h_gp].dirty -> frames[ptes[h_gp].frame].dirty = 1 :: else fi;
     h_gp++
  :: else -> break od;
  h_keys = 0; h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     ${mappedLocked};
     if
     :: h_ok ->
        ${updateEntry('h_gp', { writable: '0', dirty: '0' })};
        user_tlb_key(h_gp); h_keys = h_keys | (1 << h_key) | (1 << h_gp)
     :: else
     fi;
     h_gp++
  :: else -> break od;
  h_w = 0;
  do :: h_w < 2 -> drop_flushed(); h_w++ :: else -> break od`,
  },
  writepage: {
    body: `
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     h_f = ptes[h_gp].frame; list_has(${L}.pages, ${L}.pages_len, h_f);
     if :: h_ok && frames[h_f].dirty -> swap[h_gp % NP] = frames[h_f].usedIdx :: else fi;
     h_gp++
  :: else -> break od;
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     h_f = ptes[h_gp].frame; list_has(${L}.pages, ${L}.pages_len, h_f);
     if :: h_ok && frames[h_f].dirty -> frames[h_f].dirty = 0 :: else fi;
     h_gp++
  :: else -> break od`,
  },
} satisfies Record<string, PromelaOp>;
