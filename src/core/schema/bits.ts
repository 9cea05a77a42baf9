/**
 * A bit stream over Int32 words, as module state rather than an object: it runs for every field of every state the
 * explorer meets. Fields are written low bit first; a field may straddle two words; widths are at most 31 bits.
 */
let out: Int32Array = new Int32Array(0);
let word = 0;
let acc = 0;
let pos = 0;

export function beginWrite(buf: Int32Array, at: number): void {
  out = buf;
  word = at;
  acc = 0;
  pos = 0;
}

export function put(value: number, bits: number): void {
  if (bits === 0) return;
  acc |= value << pos;
  pos += bits;
  if (pos >= 32) {
    out[word++] = acc;
    pos -= 32;
    acc = pos > 0 ? value >>> (bits - pos) : 0;
  }
}

/** Flushes the last partial word; returns the index after the last word written. */
export function endWrite(): number {
  if (pos > 0) out[word++] = acc;
  acc = 0;
  pos = 0;
  return word;
}

let src: Int32Array = new Int32Array(0);
let rword = 0;
let rpos = 0;

export function beginRead(buf: Int32Array, at: number): void {
  src = buf;
  rword = at;
  rpos = 0;
}

export function get(bits: number): number {
  if (bits === 0) return 0;
  const have = 32 - rpos;
  const low = (src[rword] as number) >>> rpos;
  if (bits < have) {
    rpos += bits;
    return low & ((1 << bits) - 1);
  }
  rword++;
  rpos = bits - have;
  if (rpos === 0) return low;
  return low | (((src[rword] as number) & ((1 << rpos) - 1)) << have);
}

/** The index after the last word read (a partly read word counts). */
export function endRead(): number {
  return rpos > 0 ? rword + 1 : rword;
}
