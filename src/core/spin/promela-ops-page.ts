import { updateEntry } from './promela-kernel';
import type { PromelaOp } from './promela-op-types';

const L = 'threads[T].locals';

/** Loops over the thread's page list (the frames it locked), `F` naming the frame. */
const eachPage = (body: string) => `
  h_x = 0;
  do :: h_x < ${L}.pages_len -> h_f = ${L}.pages[h_x]; ${body}; h_x++ :: else -> break od`;

/**
 * `unmapTargets(ctx, pages, ENTRY, OWN, true, KEEP)` and `restoreMigrationEntries(ctx, pages)` (unmap.ts) for page
 * operations: only the PTEs that map one of the thread's locked pages. `h_done` marks frames already accounted.
 */
export const PAGE_INLINES = `
inline unmap_pages(T, ENTRY, OWN, KEEP) {
  h_q2 = 0; do :: h_q2 < CAP_frames -> h_done[h_q2] = 0; h_q2++ :: else -> break od;
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     list_has(${L}.pages, ${L}.pages_len, ptes[h_gp].frame);
     if
     :: ptes[h_gp].present && h_ok ->
        h_f = ptes[h_gp].frame;
        if
        :: !h_done[h_f] ->
           h_done[h_f] = 1;
           frames[h_f].mapcount = frames[h_f].mapcount - 1;
           frames[h_f].refcount = frames[h_f].refcount - 1;
           if :: frames[h_f].mapcount == 0 -> frames[h_f].owner = OWN :: else fi
        :: else
        fi;
        if :: ptes[h_gp].dirty && KEEP -> frames[h_f].dirty = 1 :: else fi;
        h_wr2 = ((ENTRY == SWAPPED_none && !KEEP) -> 0 : ptes[h_gp].writable);
        ${updateEntry('h_gp', { present: '0', swapped: 'ENTRY', dirty: '0', writable: 'h_wr2' })}
     :: else
     fi;
     h_gp++
  :: else -> break od
}
inline restore_migration(T) {
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     list_has(${L}.pages, ${L}.pages_len, ptes[h_gp].frame);
     if
     :: !ptes[h_gp].present && ptes[h_gp].swapped == SWAPPED_migration && h_ok ->
        h_f = ptes[h_gp].frame;
        if
        :: frames[h_f].mapcount == 0 ->
           frames[h_f].mapcount = 1; frames[h_f].refcount = frames[h_f].refcount + 1; frames[h_f].owner = OWNER_qemu_ring
        :: else
        fi;
        ${updateEntry('h_gp', { present: '1', swapped: 'SWAPPED_none', writable: '1' })}
     :: else
     fi;
     h_gp++
  :: else -> break od
}
`;

/** The mapped ring frames of the targets are locked by someone: `lockBlocked` (mm-ops.ts) negated, unrolled. */
const lockFree = (g: { t: number; np: number }) => {
  const pages = Array.from({ length: g.np }, (_, p) => p);
  const held = pages.map(
    (p) =>
      `(${p} >= tgt_first[${g.t}] && ${p} <= tgt_last[${g.t}] && frames[ptes[${p}].frame].owner == OWNER_qemu_ring && frames[ptes[${p}].frame].locked)`,
  );
  return `!(${held.join(' || ')})`;
};

/** Reclaim and migration (mm-ops.ts): page operations under the page lock. */
export const PAGE_OPS = {
  'lock-page': {
    enabled: lockFree,
    body: `
  list_clear(${L}.pages, ${L}.pages_len);
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     h_f = ptes[h_gp].frame;
     list_has(${L}.pages, ${L}.pages_len, h_f);
     if
     :: !h_ok && frames[h_f].owner == OWNER_qemu_ring ->
        list_push(${L}.pages, ${L}.pages_len, CAP_threads_locals_pages, h_f);
        frames[h_f].locked = 1; frames[h_f].refcount = frames[h_f].refcount + 1
     :: else
     fi;
     h_gp++
  :: else -> break od;
  if :: ${L}.pages_len == 0 -> ${L}.aborted = 1; threads[T].pc = TARGET :: else fi`,
  },
  'unmap-swap': {
    body: `
  if
  :: MEMORY == MEMORY_anonymous ->
     h_gp = tgt_first[T];
     do :: h_gp <= tgt_last[T] ->
        list_has(${L}.pages, ${L}.pages_len, ptes[h_gp].frame);
        if :: ptes[h_gp].present && h_ok && swap[h_gp % NP] < 0 -> frames[ptes[h_gp].frame].dirty = 1 :: else fi;
        h_gp++
     :: else -> break od;
     unmap_pages(T, SWAPPED_swap, OWNER_swap_cache, 1)
  :: else -> unmap_pages(T, SWAPPED_none, OWNER_swap_cache, 1)
  fi;
  flush_user_tlb(T)`,
  },
  /** is_page_cache_freeable: a page with a reference beyond the cache's and reclaim's (a pin) is kept dirty, unwritten. */
  pageout: {
    body: `
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     h_f = ptes[h_gp].frame;
     list_has(${L}.pages, ${L}.pages_len, h_f);
     if
     :: !ptes[h_gp].present && ptes[h_gp].swapped != SWAPPED_migration && h_ok && frames[h_f].dirty && frames[h_f].owner == OWNER_swap_cache && frames[h_f].refcount <= 1 ->
        swap[h_gp % NP] = frames[h_f].usedIdx
     :: else
     fi;
     h_gp++
  :: else -> break od;
  ${eachPage('if :: frames[h_f].dirty && frames[h_f].owner == OWNER_swap_cache && frames[h_f].refcount <= 1 -> frames[h_f].dirty = 0 :: else fi')}`,
  },
  'remove-mapping': {
    body: eachPage(`
     if
     :: frames[h_f].owner == OWNER_swap_cache && frames[h_f].refcount <= 1 && !frames[h_f].dirty ->
        h_ok = 0; h_gp = tgt_first[T];
        do :: h_gp <= tgt_last[T] -> if :: ptes[h_gp].frame == h_f && h_gp % NP == IDX_PAGE -> h_ok = 1 :: else fi; h_gp++
        :: else -> break od;
        if :: h_ok && frames[h_f].usedIdx != swap[IDX_PAGE] -> HAZARD(lost_write) :: else fi;
        frames[h_f].refcount = 0; frames[h_f].owner = OWNER_free; frames[h_f].locked = 0; frames[h_f].dirty = 0
     :: else
     fi`),
  },
  'unlock-page': {
    body: eachPage('frames[h_f].locked = 0; if :: frames[h_f].owner != OWNER_free -> put_ref(h_f) :: else fi'),
  },
  'unmap-migration': { body: 'unmap_pages(T, SWAPPED_migration, OWNER_isolated, 1); flush_user_tlb(T)' },
  'move-mapping': {
    body: `
  h_ok = 0; h_x = 0;
  do :: h_x < ${L}.pages_len -> if :: frames[${L}.pages[h_x]].refcount > 1 -> h_ok = 1 :: else fi; h_x++ :: else -> break od;
  if
  :: h_ok -> ${L}.aborted = 1; restore_migration(T)
  :: else ->
     list_clear(${L}.refs, ${L}.refs_len);
     ${eachPage(`h_asz = frames[h_f].size; h_aidx = frames[h_f].usedIdx; h_aown = OWNER_isolated; alloc_frame();
        frames[h_new].mapcount = 0; frames[h_new].dirty = frames[h_f].dirty; frames[h_f].owner = OWNER_migrated_old;
        list_push(${L}.refs, ${L}.refs_len, CAP_threads_locals_refs, h_new)`)}
  fi`,
  },
  remap: {
    body: `
  if
  :: ${L}.aborted -> skip
  :: else ->
     h_q2 = 0; do :: h_q2 < CAP_frames -> h_done[h_q2] = 0; h_q2++ :: else -> break od;
     h_gp = tgt_first[T];
     do :: h_gp <= tgt_last[T] ->
        h_new = -1; h_x = 0;
        do :: h_x < ${L}.pages_len -> if :: h_new < 0 && ${L}.pages[h_x] == ptes[h_gp].frame -> h_new = (h_x < ${L}.refs_len -> ${L}.refs[h_x] : -1) :: else fi; h_x++
        :: else -> break od;
        if
        :: h_new >= 0 && ptes[h_gp].swapped == SWAPPED_migration ->
           ${updateEntry('h_gp', { frame: 'h_new', present: '1', swapped: 'SWAPPED_none', writable: '1' })};
           h_done[h_new] = 1
        :: else
        fi;
        h_gp++
     :: else -> break od;
     h_x = 0;
     do :: h_x < ${L}.refs_len ->
        h_f = ${L}.refs[h_x];
        if
        :: h_done[h_f] -> frames[h_f].mapcount = 1; frames[h_f].owner = OWNER_qemu_ring
        :: else -> frames[h_f].refcount = 0; frames[h_f].owner = OWNER_free
        fi;
        h_x++
     :: else -> break od;
     list_clear(${L}.refs, ${L}.refs_len)
  fi`,
  },
  'unlock-free': { body: eachPage('frames[h_f].locked = 0; put_ref(h_f)') },
} satisfies Record<string, PromelaOp>;
