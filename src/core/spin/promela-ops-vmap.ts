import { capacitiesOf } from './promela-capacity';
import { fallbackOk } from './promela-guards';
import { filterInline } from './promela-lists';
import { notHeldByOther, type PromelaOp } from './promela-op-types';
import { VHOST_OPS } from './promela-ops-vhost';

const L = 'threads[T].locals';
const VMALLOC_FIELDS = ['slot', 'page', 'frame'];
/** A vmalloc PTE of the current vq->map that maps a used-ring page (`vmappedUsedFrames`, vhost-ops.ts). */
const usedOfMap = (i: string) =>
  `vmalloc[${i}].slot == vhost.vmapSlot && vmalloc[${i}].page % NP >= USED_FIRST && vmalloc[${i}].page % NP <= USED_LAST`;

/**
 * `vmallocAccess` (ops/words/word-vmalloc.ts) and the vmalloc list's filter as inlines, for one virtqueue (the export refuses two):
 * the same reads and writes in the same order. `h_x` is the vmalloc PTE's index, or -1 when vunmap cleared it.
 */
export function vmapInlines(scenario: Parameters<typeof capacitiesOf>[0]): string {
  const cap = capacitiesOf(scenario)('vmalloc');
  return `${filterInline('drop_vmap_slot', 'vmalloc', cap, VMALLOC_FIELDS, 'IT.slot == h_x')}
inline vmalloc_access(SLOT, GP, W) {
  h_key = SLOT * 64 + (GP % NP);
  tlb_find(VHOST_CPU, KIND_vmalloc, h_key);
  h_x = -1; h_i = 0;
  do :: h_i < vmalloc_len -> if :: h_x < 0 && vmalloc[h_i].slot == SLOT && vmalloc[h_i].page == GP % NP -> h_x = h_i :: else fi; h_i++
  :: else -> break od;
  if
  :: h_e >= 0 ->
     h_tf = tlbs[VHOST_CPU].e[h_e].frame;
     if :: h_x < 0 || vmalloc[h_x].frame != h_tf -> HAZARD(stale_tlb) :: else fi;
     touch_frame(h_tf, W, (GP % NP) == IDX_PAGE)
  :: h_e < 0 && h_x < 0 -> HAZARD(use_after_free)
  :: else ->
     h_tf = vmalloc[h_x].frame;
     tlb_fill(VHOST_CPU, KIND_vmalloc, h_key, h_tf, SIZE_4K);
     touch_frame(h_tf, W, (GP % NP) == IDX_PAGE)
  fi
}
/* vunmap of vq->map: its vmalloc PTEs go, its kernel TLB entries stay (the lazy purge). */
inline vunmap_slot(SLOT) {
  h_x = SLOT; drop_vmap_slot(); vhost.vmapSlot = -1
}
`;
}

/** The vmap designs: V1 (pin + vmap) and RFC V2 (vmap + ->invalidate_range), vhost-ops.ts and notifier-ops.ts. */
export const VMAP_OPS = {
  unpin: { body: VHOST_OPS['put-pages'].body },
  vmap: {
    body: `
  h_ok = 0; h_p = 0;
  do :: h_p < ${L}.pages_len -> if :: ${L}.pages[h_p] >= 0 -> h_ok = 1 :: else fi; h_p++ :: else -> break od;
  if
  :: h_ok ->
     might_sleep(T, FLAGS);
     h_x = vhost.nextSlot; vhost.nextSlot++;
     h_p = 0;
     do :: h_p < ${L}.pages_len ->
        if
        :: ${L}.pages[h_p] >= 0 ->
           if
           :: vmalloc_len < CAP_vmalloc ->
              vmalloc[vmalloc_len].slot = h_x; vmalloc[vmalloc_len].page = h_p; vmalloc[vmalloc_len].frame = ${L}.pages[h_p];
              vmalloc_len++
           :: else -> assert(!capacity_exceeded)
           fi
        :: else
        fi;
        h_p++
     :: else -> break od;
     vhost.vmapSlot = h_x; ${L}.mapSlot = h_x;
     if :: DESIGN != DESIGN_vmap_pinned -> list_fill(${L}.pages, ${L}.pages_len, -1) :: else fi
  :: else
  fi`,
  },
  vunmap: { body: `might_sleep(T, FLAGS); vunmap_slot(vhost.vmapSlot); ${L}.mapSlot = -1` },
  'if-vmapped': { body: 'if :: vhost.vmapSlot >= 0 -> threads[T].pc = TARGET :: else fi' },
  vload: { body: `${L}.mapSlot = vhost.vmapSlot` },
  vaccess: {
    enabled: (g) => `(threads[${g.t}].locals.mapSlot >= 0 || ${fallbackOk(g, g.instr.arg, () => '0')})`,
    body: `
  if :: ARG == 2 -> published++ :: else fi;
  h_p = area_first[ARG];
  do :: h_p <= area_last[ARG] ->
     h_gp = vhost.region * NP + h_p;
     if
     :: ${L}.mapSlot >= 0 -> vmalloc_access(${L}.mapSlot, h_gp, ARG == 2)
     :: else -> user_access(h_gp, ARG == 2)
     fi;
     h_p++
  :: else -> break od`,
  },
  'dirty-lock': {
    enabled: (g) => {
      const cap = capacitiesOf(g.scenario)('vmalloc');
      const locked = Array.from(
        { length: cap },
        (_, i) => `(vmalloc_len > ${i} && ${usedOfMap(String(i))} && frames[vmalloc[${i}].frame].locked)`,
      );
      return `!(${locked.join(' || ')})`;
    },
    body: `
  h_ok = 0; h_i = 0;
  do :: h_i < vmalloc_len -> if :: ${usedOfMap('h_i')} -> h_ok = 1 :: else fi; h_i++ :: else -> break od;
  if
  :: h_ok ->
     might_sleep(T, FLAGS);
     h_i = 0;
     do :: h_i < vmalloc_len -> if :: ${usedOfMap('h_i')} -> frames[vmalloc[h_i].frame].dirty = 1 :: else fi; h_i++
     :: else -> break od
  :: else
  fi`,
  },
  'inv-mutex-lock': { enabled: notHeldByOther('vqMutex'), body: 'might_sleep(T, FLAGS); vhost.vqMutex = T' },
  'inv-vunmap': {
    body: `
  h_ok = 0; h_i = 0;
  do :: h_i < vmalloc_len ->
     if
     :: vhost.region == 0 && vmalloc[h_i].slot == vhost.vmapSlot && vmalloc[h_i].page >= tgt_first[T] && vmalloc[h_i].page <= tgt_last[T] -> h_ok = 1
     :: else
     fi;
     h_i++
  :: else -> break od;
  if :: h_ok -> might_sleep(T, FLAGS); vunmap_slot(vhost.vmapSlot) :: else fi`,
  },
  'inv-mutex-unlock': { body: 'vhost.vqMutex = -1' },
} satisfies Record<string, PromelaOp>;
