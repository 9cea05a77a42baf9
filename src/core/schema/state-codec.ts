import type { IntWriter } from '../explore/engine/int-writer';
import type { Scenario, State } from '../types';
import { compileSchema } from './codec';
import { STATE_SCHEMA } from './state-schema';

const codec = compileSchema<State, Scenario>(STATE_SCHEMA);

/** Words of the longest state encoding any valid scenario can produce. */
export const STATE_MAX_WORDS = codec.maxWords;

/** A deep copy that `step` may mutate; findings are append-only, so they are shared. */
export function cloneState(s: State): State {
  return codec.clone(s);
}

/**
 * Packs every field that affects the future into `w` (appended after what it holds), as few 32-bit words as the
 * schema's bounds allow. Left out: the scenario (the run's model), time, counters and findings (history).
 */
export function encodeState(s: State, w: IntWriter): void {
  w.ensure(w.len + STATE_MAX_WORDS);
  w.len = codec.encode(s, w.buf, w.len);
}

/**
 * Rebuilds the State `encodeState` wrote into buf[start, end): the run's scenario, `time` = `depth`, zero counters,
 * no findings. With `into`, the state is written into that object and its lists, allocating nothing when they fit.
 */
export function decodeState(
  scenario: Scenario,
  buf: Int32Array,
  start: number,
  end: number,
  depth: number,
  into?: State,
): State {
  return codec.decode(buf, start, end, depth, scenario, into);
}

/** Copies `from` into `into` without allocating when the shapes fit: time kept, counters zeroed, no findings. */
export function copyStateInto(from: State, into: State): void {
  codec.copyInto(from, into, from.time);
}
