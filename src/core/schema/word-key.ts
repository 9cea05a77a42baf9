import { STATE_WORDS } from './state-words';

/**
 * A 64-bit key of a state's words that a step updates word by word: each lane is the sum (mod 2³²) of one mix per
 * word, mix(i, v) = avalanche(v × an odd constant of word i), so a zero word adds nothing and changing word i from u
 * to v adds mix(i, v) − mix(i, u). Like Zobrist hashing, two different states collide with chance about 2⁻⁶⁴.
 */
const LANE_A = new Int32Array(STATE_WORDS);
const LANE_B = new Int32Array(STATE_WORDS);
{
  // splitmix32 from fixed seeds: the same constants in every process, so keys are reproducible.
  let seed = 0x9e3779b9;
  const next = () => {
    seed = (seed + 0x9e3779b9) | 0;
    let z = seed;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  };
  for (let i = 0; i < STATE_WORDS; i++) {
    LANE_A[i] = next() | 1;
    LANE_B[i] = next() | 1;
  }
}

/** Lane A's term of word `i` holding `v` (0 for v = 0). */
export function mixA(i: number, v: number): number {
  let x = Math.imul(v, LANE_A[i] as number);
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Lane B's term of word `i` holding `v` (0 for v = 0): other constants and another avalanche than lane A's. */
export function mixB(i: number, v: number): number {
  let x = Math.imul(v, LANE_B[i] as number);
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 12;
  x = Math.imul(x, 0x297a2d39);
  return x ^ (x >>> 15);
}

/** Both lanes of the key of the layout words of `w`, computed from scratch, into `out[at]` and `out[at + 1]`. */
export function wordKey(w: Int32Array, out: Int32Array, at: number): void {
  let a = 0;
  let b = 0;
  for (let i = 0; i < STATE_WORDS; i++) {
    const v = w[i] as number;
    if (v === 0) continue;
    a = (a + mixA(i, v)) | 0;
    b = (b + mixB(i, v)) | 0;
  }
  out[at] = a;
  out[at + 1] = b;
}
