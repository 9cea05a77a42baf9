import { key64 } from './hash64';
import type { IntWriter } from './int-writer';
import type { Machine } from './machine';
import type { VisitedSet } from './visited-set';

/**
 * How the search tells states apart: by the machine's own key (`Machine.key`), encoding a state only once it is
 * new, or by its encoding (hashed, or kept whole with `exact`). Either way the last state asked about or added is
 * encoded in `w` or, in a hashed search, keyed in `key64`, which is what the level ring keys its levels by.
 */
export interface StateLookup<S> {
  /** Whether `state` was added before (a chain asks before each step). */
  stored(state: S): boolean;
  /** Adds `state`; true when it is new, and then it is encoded in `w`. */
  add(state: S): boolean;
  /** True when states are looked up by the machine's key, so `w` holds only the states `add` found new. */
  readonly keyed: boolean;
}

/** The keyed lookup when the machine has a key and the set takes one (never with `exact`), else the encoded one. */
export function stateLookup<S>(machine: Machine<S>, visited: VisitedSet, w: IntWriter): StateLookup<S> {
  const { addKey, hasKey } = visited;
  if (machine.key && addKey && hasKey) return keyedLookup(machine, machine.key.bind(machine), addKey, hasKey, w);
  return {
    keyed: false,
    stored(state) {
      w.reset();
      machine.encode(state, w);
      return visited.has(w);
    },
    add(state) {
      w.reset();
      machine.encode(state, w);
      return visited.add(w);
    },
  };
}

function keyedLookup<S>(
  machine: Machine<S>,
  key: (state: S) => void,
  addKey: () => boolean,
  hasKey: () => boolean,
  w: IntWriter,
): StateLookup<S> {
  return {
    keyed: true,
    stored(state) {
      key(state);
      return hasKey();
    },
    add(state) {
      key(state);
      if (!addKey()) return false;
      // `key64` outlives the encoding: the level ring reads it next.
      const hi = key64[0] as number;
      const lo = key64[1] as number;
      w.reset();
      machine.encode(state, w);
      key64[0] = hi;
      key64[1] = lo;
      return true;
    },
  };
}
