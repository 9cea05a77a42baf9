/**
 * The core's shared kernel helpers (frames.ts, pagetable.ts, tlb.ts, words/word-user-access.ts) as Promela inlines, one per
 * helper, in the same order of reads and writes. Temporaries are `hidden` globals (outside the state vector): each
 * is written before it is read inside one d_step, so none carries information from one step to the next.
 */

/** `updateEntry`: sets `patch` on every ring page that shares `gp`'s user entry; patch values must not read `ptes`. */
export function updateEntry(gp: string, patch: Readonly<Record<string, string>>): string {
  const sets = Object.entries(patch)
    .map(([k, v]) => `ptes[h_uq].${k} = ${v}`)
    .join('; ');
  return `h_us = ptes[${gp}].size; h_ub = (${gp} / NP) * NP; h_uq = h_ub;
  do :: h_uq < h_ub + NP -> if :: h_uq == ${gp} || (h_us != SIZE_4K && ptes[h_uq].size == h_us) -> ${sets} :: else fi; h_uq++
  :: else -> break od`;
}

export const HIDDEN_TEMPS = [
  'h_c',
  'h_ok',
  'h_fi',
  'h_fj',
  'h_fk',
  'h_us',
  'h_ub',
  'h_uq',
  'h_i',
  'h_p',
  'h_e',
  'h_key',
  'h_ukey',
  'h_uf',
  'h_gp',
  'h_f',
  'h_of',
  'h_cf',
  'h_new',
  'h_back',
  'h_wr',
  'h_keys',
  'h_all',
  'h_w',
  'h_asz',
  'h_aidx',
  'h_tf',
  'h_tsz',
  'h_aown',
  'h_wr2',
  'h_q2',
  'h_x',
];

export const KERNEL_INLINES = `
inline put_ref(F) {
  frames[F].refcount = frames[F].refcount - 1;
  if
  :: frames[F].refcount > 0 -> skip
  :: frames[F].refcount <= 0 && frames[F].owner == OWNER_qemu_ring && frames[F].mapcount > 0 -> skip
  :: frames[F].refcount <= 0 && frames[F].owner == OWNER_swap_cache -> skip
  :: else -> frames[F].owner = OWNER_free; frames[F].dirty = 0; frames[F].locked = 0
  fi
}
inline alloc_frame() {
  if
  :: frames_len < CAP_frames ->
     h_new = frames_len; frames_len++;
     frames[h_new].size = h_asz; frames[h_new].refcount = 1; frames[h_new].mapcount = 1; frames[h_new].owner = h_aown;
     frames[h_new].usedIdx = h_aidx
  :: else -> assert(!capacity_exceeded); h_new = 0
  fi
}
inline touch_frame(F, W, IDX) {
  if
  :: frames[F].owner == OWNER_free || frames[F].owner == OWNER_reused_by_other ->
     if :: W && frames[F].owner == OWNER_reused_by_other -> frames[F].corrupted = 1 :: else fi;
     HAZARD(use_after_free)
  :: else ->
     if
     :: W && (frames[F].owner == OWNER_migrated_old || frames[F].owner == OWNER_fork_child || frames[F].owner == OWNER_orphan) ->
        HAZARD(lost_write)
     :: else
     fi
  fi;
  if :: W && IDX -> frames[F].usedIdx = published :: else fi
}
inline user_tlb_key(GP) {
  if
  :: ptes[GP].size == SIZE_4K -> h_key = GP
  :: else ->
     h_key = -1; h_i = (GP / NP) * NP;
     do :: h_i < (GP / NP) * NP + NP -> if :: h_key < 0 && ptes[h_i].size == ptes[GP].size -> h_key = h_i :: else fi; h_i++
     :: else -> break od;
     if :: h_key < 0 -> h_key = GP :: else fi
  fi
}
inline tlb_find(C, K, KEY) {
  h_e = -1; h_i = 0;
  do :: h_i < tlbs[C].e_len -> if :: h_e < 0 && tlbs[C].e[h_i].kind == K && tlbs[C].e[h_i].key == KEY -> h_e = h_i :: else fi; h_i++
  :: else -> break od
}
inline tlb_fill(C, K, KEY, F, SZ) {
  if
  :: tlbs[C].e_len < CAP_tlbs_e ->
     tlbs[C].e[tlbs[C].e_len].kind = K; tlbs[C].e[tlbs[C].e_len].key = KEY;
     tlbs[C].e[tlbs[C].e_len].frame = F; tlbs[C].e[tlbs[C].e_len].size = SZ; tlbs[C].e_len++
  :: else -> assert(!capacity_exceeded)
  fi
}
inline break_cow(GP) {
  h_of = ptes[GP].frame;
  if
  :: frames[h_of].owner == OWNER_qemu_ring && frames[h_of].mapcount == 1 ->
     ${updateEntry('GP', { writable: '1' })};
     frames[h_of].dirty = 1;
     if :: MEMORY == MEMORY_anonymous -> swap[SLOT_OF(GP)] = -1 :: else fi
  :: else ->
     h_asz = frames[h_of].size; h_aidx = frames[h_of].usedIdx; h_aown = OWNER_qemu_ring; alloc_frame();
     frames[h_of].mapcount = frames[h_of].mapcount - 1;
     if :: frames[h_of].owner == OWNER_qemu_ring -> frames[h_of].owner = OWNER_fork_child :: else fi;
     put_ref(h_of);
     ${updateEntry('GP', { frame: 'h_new', writable: '1', dirty: '0' })}
  fi
}
inline fault_in(GP, W) {
  h_cf = ptes[GP].frame;
  h_back = (ptes[GP].swapped == SWAPPED_swap || (MEMORY != MEMORY_anonymous && ptes[GP].swapped == SWAPPED_none));
  if
  :: h_back && frames[h_cf].owner == OWNER_swap_cache ->
     h_new = h_cf; frames[h_cf].owner = OWNER_qemu_ring; frames[h_cf].mapcount = 1;
     frames[h_cf].refcount = frames[h_cf].refcount + 1
  :: h_back && frames[h_cf].owner != OWNER_swap_cache ->
     h_asz = ptes[GP].size; h_aidx = (swap[SLOT_OF(GP)] > 0 -> swap[SLOT_OF(GP)] : 0); h_aown = OWNER_qemu_ring; alloc_frame()
  :: else -> h_asz = ptes[GP].size; h_aidx = 0; h_aown = OWNER_qemu_ring; alloc_frame()
  fi;
  h_wr = ((!h_back && (W)) || MEMORY == MEMORY_shmem);
  ${updateEntry('GP', { frame: 'h_new', present: '1', writable: 'h_wr', dirty: '(!h_back && (W))', swapped: 'SWAPPED_none' })};
  if :: W && !h_wr -> break_cow(GP) :: else fi
}
inline user_access(GP, W) {
  user_tlb_key(GP); h_ukey = h_key;
  tlb_find(VHOST_CPU, KIND_user, h_ukey);
  if :: h_e >= 0 && W && !ptes[GP].writable -> h_e = -1 :: else fi;
  if
  :: h_e < 0 ->
     if
     :: !ptes[GP].present -> fault_in(GP, W)
     :: ptes[GP].present && W && !ptes[GP].writable -> break_cow(GP)
     :: else
     fi;
     drop_user_key();
     h_tf = ptes[GP].frame; h_tsz = ptes[GP].size; tlb_fill(VHOST_CPU, KIND_user, h_ukey, h_tf, h_tsz);
     tlb_find(VHOST_CPU, KIND_user, h_ukey)
  :: else
  fi;
  h_uf = (h_e >= 0 -> tlbs[VHOST_CPU].e[h_e].frame : ptes[GP].frame);
  if
  :: W -> ${updateEntryIf('GP', 'ptes[h_uq].frame == h_uf', 'dirty', '1')}
  :: else
  fi;
  touch_frame(h_uf, W, (GP % NP) == IDX_PAGE)
}
inline direct_access(F, GP, W) {
  tlb_find(VHOST_CPU, KIND_direct, 0);
  if :: h_e < 0 -> tlb_fill(VHOST_CPU, KIND_direct, 0, -1, DIRECT_SIZE) :: else fi;
  touch_frame(F, W, (GP % NP) == IDX_PAGE)
}
inline flush_user_tlb(T) {
  h_keys = 0; h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] -> if :: IN_TGT(T, h_gp) -> user_tlb_key(h_gp); h_keys = h_keys | (1 << h_key) | (1 << h_gp) :: else fi; h_gp++
  :: else -> break od;
  h_w = 0;
  do :: h_w < 2 -> drop_flushed(); h_w++ :: else -> break od
}
`;

/** `for q of entryPages(gp) if (cond) ptes[q][field] = value`: the entry's pages that satisfy `cond`. */
function updateEntryIf(gp: string, cond: string, field: string, value: string): string {
  return `h_us = ptes[${gp}].size; h_ub = (${gp} / NP) * NP; h_uq = h_ub;
  do :: h_uq < h_ub + NP -> if :: (h_uq == ${gp} || (h_us != SIZE_4K && ptes[h_uq].size == h_us)) && ${cond} -> ptes[h_uq].${field} = ${value} :: else fi; h_uq++
  :: else -> break od`;
}
