/** V1's get_user_pages_fast falls back to the slow path (`gupSlowFault`, words/word-user-access.ts) for a missing or read-only page. */
export const V1_SLOW_FAULT = `if
     :: DESIGN == DESIGN_vmap_pinned && ptes[h_gp].swapped != SWAPPED_migration && !(ptes[h_gp].present && (!(h_p >= USED_FIRST && h_p <= USED_LAST) || ptes[h_gp].writable)) ->
        if
        :: !ptes[h_gp].present -> fault_in(h_gp, h_p >= USED_FIRST && h_p <= USED_LAST)
        :: else -> if :: h_p >= USED_FIRST && h_p <= USED_LAST -> break_cow(h_gp) :: else fi
        fi
     :: else
     fi;`;
