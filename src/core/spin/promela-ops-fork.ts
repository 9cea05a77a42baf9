import { modelOf } from '../step';
import { updateEntry } from './promela-kernel';
import type { GuardCtx, PromelaOp } from './promela-op-types';
import { pcIn } from './promela-ops-ioctl';

const L = 'threads[T].locals';

/** `for gp of mmTargets(s, T)` whose PTE maps a frame of the thread's `pages` (`pagesOf`), running `body` on each. */
const forPagesOf = (body: string) => `h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     list_has(${L}.pages, ${L}.pages_len, ptes[h_gp].frame);
     if :: h_ok -> ${body} :: else fi;
     h_gp++
  :: else -> break od`;

/** `flushUserTlb(ctx, gps)` over the target pages that map one of the thread's `pages`. */
const FLUSH_PAGES_OF = `h_keys = 0;
  ${forPagesOf('user_tlb_key(h_gp); h_keys = h_keys | (1 << h_key) | (1 << h_gp)')};
  h_w = 0;
  do :: h_w < 2 -> drop_flushed(); h_w++ :: else -> break od`;

/** fork's copy_page_range and the parent's write fault through wp_page_copy (fork-ops.ts), in the same order. */
export const FORK_OPS = {
  'fork-copy': {
    body: `
  h_q2 = 0; do :: h_q2 < CAP_frames -> h_done[h_q2] = 0; h_q2++ :: else -> break od;
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     if
     :: ptes[h_gp].present ->
        h_f = ptes[h_gp].frame;
        if :: !h_done[h_f] -> h_done[h_f] = 1; frames[h_f].mapcount++; frames[h_f].refcount++ :: else fi;
        ${updateEntry('h_gp', { writable: '0' })}
     :: else
     fi;
     h_gp++
  :: else -> break od`,
  },
  'cow-fault': {
    body: `
  list_clear(${L}.pages, ${L}.pages_len);
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     h_f = ptes[h_gp].frame;
     if
     :: ptes[h_gp].present && !ptes[h_gp].writable && frames[h_f].owner == OWNER_qemu_ring && frames[h_f].mapcount > 1 ->
        list_has(${L}.pages, ${L}.pages_len, h_f);
        if :: !h_ok -> list_push(${L}.pages, ${L}.pages_len, CAP_threads_locals_pages, h_f) :: else fi
     :: else
     fi;
     h_gp++
  :: else -> break od;
  h_gp = tgt_first[T];
  do :: h_gp <= tgt_last[T] ->
     if
     :: ptes[h_gp].present && !ptes[h_gp].writable ->
        list_has(${L}.pages, ${L}.pages_len, ptes[h_gp].frame);
        if :: !h_ok -> ${updateEntry('h_gp', { writable: '1', dirty: '1' })} :: else fi
     :: else
     fi;
     h_gp++
  :: else -> break od;
  if :: ${L}.pages_len == 0 -> ${L}.aborted = 1; threads[T].pc = TARGET :: else fi`,
  },
  'cow-copy': {
    body: `
  list_clear(${L}.refs, ${L}.refs_len);
  h_i = 0;
  do :: h_i < ${L}.pages_len ->
     h_f = ${L}.pages[h_i];
     h_asz = frames[h_f].size; h_aidx = frames[h_f].usedIdx; h_aown = OWNER_isolated; alloc_frame();
     frames[h_new].mapcount = 0;
     list_push(${L}.refs, ${L}.refs_len, CAP_threads_locals_refs, h_new);
     h_i++
  :: else -> break od`,
  },
  'cow-clear': {
    body: `
  h_x = 0; h_all = 1;
  ${forPagesOf('h_x++; if :: !ptes[h_gp].present || ptes[h_gp].writable -> h_all = 0 :: else fi')};
  if
  :: h_x == 0 || !h_all ->
     ${L}.aborted = 1;
     h_i = 0;
     do :: h_i < ${L}.refs_len -> h_f = ${L}.refs[h_i]; frames[h_f].refcount = 0; frames[h_f].owner = OWNER_free; h_i++
     :: else -> break od
  :: else ->
     ${forPagesOf(updateEntry('h_gp', { present: '0', swapped: 'SWAPPED_none' }))};
     ${FLUSH_PAGES_OF}
  fi`,
  },
  'cow-set': {
    body: `
  if
  :: ${L}.aborted -> skip
  :: else ->
     h_i = 0;
     do :: h_i < ${L}.pages_len ->
        h_f = ${L}.pages[h_i];
        h_new = (h_i < ${L}.refs_len -> ${L}.refs[h_i] : -1);
        h_gp = tgt_first[T];
        do :: h_gp <= tgt_last[T] ->
           if
           :: ptes[h_gp].frame == h_f ->
              ${updateEntry('h_gp', { frame: 'h_new', present: '1', writable: '1', dirty: '1', swapped: 'SWAPPED_none' })}
           :: else
           fi;
           h_gp++
        :: else -> break od;
        frames[h_new].owner = OWNER_qemu_ring; frames[h_new].mapcount = 1; frames[h_new].refcount = 1;
        frames[h_f].mapcount = frames[h_f].mapcount - 1; frames[h_f].refcount = frames[h_f].refcount - 1;
        frames[h_f].owner = OWNER_fork_child;
        if :: frames[h_f].usedIdx != frames[h_new].usedIdx -> HAZARD(lost_write) :: else fi;
        h_i++
     :: else -> break od;
     list_clear(${L}.refs, ${L}.refs_len)
  fi`,
  },
} satisfies Record<string, PromelaOp>;

/**
 * `cowLockHolder(s, gp) > 0` negated (words/word-user-access.ts): no fork thread holds the PT lock of `gp` inside wp_page_copy,
 * between cow-clear and cow-set, on a frame of its pages. `1` when the scenario has no fork thread.
 */
export function cowWindowClosed(g: GuardCtx, gp: string): string {
  const { programs } = modelOf(g.scenario);
  const holders = g.scenario.mm.flatMap((m, i) => {
    const u = i + 1;
    if (m.kind !== 'fork') return [];
    const ops = programs[u]?.instrs.map((x) => x.op) ?? [];
    const inside = ops.flatMap((_, pc) => (pc > ops.indexOf('cow-clear') && pc <= ops.indexOf('cow-set') ? [pc] : []));
    const has = Array.from(
      { length: g.np },
      (_, k) => `(threads[${u}].locals.pages_len > ${k} && threads[${u}].locals.pages[${k}] == ptes[${gp}].frame)`,
    );
    return [`(!threads[${u}].done && !threads[${u}].locals.aborted && ${pcIn(u, inside)} && (${has.join(' || ')}))`];
  });
  return holders.length > 0 ? `!(!ptes[${gp}].present && (${holders.join(' || ')}))` : '1';
}
