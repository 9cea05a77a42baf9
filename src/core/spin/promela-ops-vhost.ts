import { fallbackOk } from './promela-guards';
import { V1_SLOW_FAULT } from './promela-gup-v1';
import { notHeldByOther, type PromelaOp } from './promela-op-types';

const L = 'threads[T].locals';

/** gup and gup-locked (vhost-ops.ts `gup`): every ring page present (and writable for the used area), or none. */
const gup = (underLock: boolean) => `
  h_ok = 1; h_p = 0;
  do :: h_p < NP ->
     h_gp = SERVED_REGION * NP + h_p;
     ${V1_SLOW_FAULT}
     if :: !ptes[h_gp].present || (h_p >= USED_FIRST && h_p <= USED_LAST && !ptes[h_gp].writable) -> h_ok = 0 :: else fi;
     h_p++
  :: else -> break od;
  if
  :: !h_ok ->
     list_fill(${L}.pages, ${L}.pages_len, -1);${underLock ? '\n     vhost.mmuLock = -1;' : ''}
     threads[T].pc = TARGET
  :: else ->
     h_p = 0;
     do :: h_p < NP ->
        h_f = ptes[SERVED_REGION * NP + h_p].frame;
        frames[h_f].refcount = frames[h_f].refcount + 1;
        ${L}.pages[(SERVED_VQ * NP + h_p)] = h_f;
        list_push(${L}.refs, ${L}.refs_len, CAP_threads_locals_refs, h_f);
        h_p++
     :: else -> break od
  fi`;

/** `accessArea`: one ring access per page of area ARG, through `PTR(lp)` when it is a frame, else copy_*_user. */
const accessArea = (ptr: string) => `
  if :: ARG == 2 -> published++ :: else fi;
  h_p = area_first[ARG];
  do :: h_p <= area_last[ARG] ->
     h_gp = SERVED_REGION * NP + h_p;
     h_f = ${ptr.replaceAll('LP', '(SERVED_VQ * NP + h_p)')};
     if
     :: h_f >= 0 -> direct_access(h_f, h_gp, ARG == 2)
     :: else -> user_access(h_gp, ARG == 2)
     fi;
     h_p++
  :: else -> break od`;

const holdMutex = 'if :: MMU_IS_MUTEX -> vhost.mmuLock = T :: else fi';

export const VHOST_OPS = {
  'round-begin': {
    enabled: (g) => `(SERVED_VQ == 1 -> ${notHeldByOther('vqMutex1')(g)} : ${notHeldByOther('vqMutex')(g)})`,
    body: 'if :: SERVED_VQ == 1 -> vhost.vqMutex1 = T :: else -> vhost.vqMutex = T fi',
  },
  'round-end': {
    body: `if :: SERVED_VQ == 1 -> vhost.vqMutex1 = -1 :: else -> vhost.vqMutex = -1 fi; ${L}.round++;
  if :: ${L}.round < ROUNDS -> threads[T].pc = TARGET :: else fi`,
  },
  gup: { body: gup(false) },
  'gup-locked': { body: gup(true) },
  'put-pages': {
    body: `
  h_i = 0;
  do :: h_i < ${L}.refs_len -> h_f = ${L}.refs[h_i]; ${L}.refs[h_i] = 0; put_ref(h_f); h_i++
  :: else -> break od;
  ${L}.refs_len = 0`,
  },
  'if-mapped': {
    body: `
  h_ok = 1; h_p = 0;
  do :: h_p < NP -> if :: vhost.ptr[(SERVED_VQ * NP + h_p)] < 0 -> h_ok = 0 :: else fi; h_p++ :: else -> break od;
  if :: h_ok -> threads[T].pc = TARGET :: else fi`,
  },
  uaccess: {
    enabled: (g) => fallbackOk(g, g.instr.arg, () => '0'),
    body: `
  if :: ARG == 2 -> published++ :: else fi;
  h_p = area_first[ARG];
  do :: h_p <= area_last[ARG] -> h_gp = SERVED_REGION * NP + h_p; user_access(h_gp, ARG == 2); h_p++ :: else -> break od`,
  },
  'read-seq': { body: `${L}.seqSnap = vhost.seq` },
  'check-publish': {
    enabled: notHeldByOther('mmuLock'),
    body: `
  if
  :: !(FLAGS & BUG_skip_seq_check) && ((DESIGN == DESIGN_kmap_seq && vhost.count != 0) || vhost.seq != ${L}.seqSnap) ->
     list_fill(${L}.pages, ${L}.pages_len, -1);
     threads[T].pc = TARGET
  :: else ->
     h_p = 0;
     do :: h_p < NP -> vhost.ptr[(SERVED_VQ * NP + h_p)] = ${L}.pages[(SERVED_VQ * NP + h_p)]; h_p++ :: else -> break od;
     list_fill(${L}.pages, ${L}.pages_len, -1);
     ${holdMutex}
  fi`,
  },
  kaccess: {
    enabled: (g) =>
      `(${notHeldByOther('mmuLock')(g)} && ${fallbackOk(g, g.instr.arg, (lp) => `vhost.ptr[${lp}] >= 0`)})`,
    body: `
  h_all = 1; h_p = area_first[ARG];
  do :: h_p <= area_last[ARG] -> if :: vhost.ptr[(SERVED_VQ * NP + h_p)] < 0 -> h_all = 0 :: else fi; h_p++ :: else -> break od;
  ${accessArea('vhost.ptr[LP]')};
  if :: h_all -> ${holdMutex} :: else fi`,
  },
  'worker-unlock': { body: 'if :: vhost.mmuLock == T -> vhost.mmuLock = -1 :: else fi' },
  'rcu-prefetch': {
    enabled: notHeldByOther('mmuLock'),
    body: `
  vhost.mmuLock = T;
  if :: !(FLAGS & BUG_skip_seq_check) && vhost.count != 0 -> vhost.mmuLock = -1; threads[T].pc = TARGET :: else fi`,
  },
  'rcu-publish': {
    body: `
  h_p = 0;
  do :: h_p < NP -> vhost.ptr[(SERVED_VQ * NP + h_p)] = ${L}.pages[(SERVED_VQ * NP + h_p)]; h_p++ :: else -> break od;
  list_fill(${L}.pages, ${L}.pages_len, -1);
  vhost.mmuLock = -1`,
  },
  'rcu-deref': {
    body: `
  h_all = 1; h_p = area_first[ARG];
  do :: h_p <= area_last[ARG] -> ${L}.pages[(SERVED_VQ * NP + h_p)] = vhost.ptr[(SERVED_VQ * NP + h_p)]; if :: ${L}.pages[(SERVED_VQ * NP + h_p)] < 0 -> h_all = 0 :: else fi; h_p++
  :: else -> break od;
  ${L}.inRcu = h_all`,
  },
  'rcu-access': {
    enabled: (g) => fallbackOk(g, g.instr.arg, (lp) => `threads[${g.t}].locals.pages[${lp}] >= 0`),
    body: `
  ${accessArea(`${L}.pages[LP]`)};
  h_p = area_first[ARG];
  do :: h_p <= area_last[ARG] -> ${L}.pages[(SERVED_VQ * NP + h_p)] = -1; h_p++ :: else -> break od;
  ${L}.inRcu = 0`,
  },
} satisfies Record<string, PromelaOp>;
