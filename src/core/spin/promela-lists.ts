/**
 * Bounded lists in Promela: an array plus `<name>_len`. Every shrink zeroes the slots it frees, so two Ringside
 * states that are equal stay one Promela state (stale slots would split them). Growing past the capacity trips the
 * `capacity` assertion: an encoding bound, never a hazard of the model.
 */

/**
 * cpp macros rather than inlines: Spin substitutes inline parameters only with plain names, and a list is a
 * field path (`threads[T].locals.refs`). `L` is the array, `N` its length (`threads[T].locals.refs_len`).
 */
export const LIST_INLINES = `
#define list_clear(L, N) h_c = 0; do :: h_c < N -> L[h_c] = 0; h_c++ :: else -> break od; N = 0
#define list_push(L, N, CAP, V) if :: N < CAP -> L[N] = V; N++ :: else -> assert(!capacity_exceeded) fi
#define list_has(L, N, V) h_ok = 0; h_c = 0; do :: h_c < N -> if :: L[h_c] == V -> h_ok = 1 :: else fi; h_c++ :: else -> break od
#define list_fill(L, N, V) h_c = 0; do :: h_c < N -> L[h_c] = V; h_c++ :: else -> break od
`;

/** Copies a record slot field by field (Promela has no structure assignment). */
export function copySlot(fields: readonly string[], to: string, from: string): string {
  return fields.map((f) => `${to}.${f} = ${from}.${f}`).join('; ');
}

export function zeroSlot(fields: readonly string[], at: string): string {
  return fields.map((f) => `${at}.${f} = 0`).join('; ');
}

/**
 * A stable filter of a list of records: keeps the items for which `drop` (an expression over `IT`, the item) is
 * false, in order, and zeroes the tail. Written out per list and predicate as one inline.
 */
export function filterInline(name: string, list: string, cap: number, fields: readonly string[], drop: string): string {
  const item = `${list}[h_fi]`;
  return `inline ${name}() {
  h_fi = 0; h_fj = 0;
  do
  :: h_fi < ${list}_len ->
     if
     :: ${drop.replaceAll('IT', item)} -> skip
     :: else -> if :: h_fj != h_fi -> ${copySlot(fields, `${list}[h_fj]`, item)} :: else fi; h_fj++
     fi;
     h_fi++
  :: else -> break
  od;
  h_fk = h_fj;
  do :: h_fk < ${cap} && h_fk < ${list}_len -> ${zeroSlot(fields, `${list}[h_fk]`)}; h_fk++ :: else -> break od;
  ${list}_len = h_fj
}`;
}
