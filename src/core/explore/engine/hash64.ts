/** Both halves of a 64-bit key, written by `hash64` (reused to avoid allocating a pair per state). */
export const key64 = new Uint32Array(2);

/**
 * Two independent 32-bit hashes of an Int32 encoding in one pass: murmur3 and an xxhash32-style lane with
 * different multipliers and seeds, each finished with its own avalanche. The results land in `key64`.
 */
export function hash64(buf: Int32Array, len: number): void {
  let a = 0x2545f491;
  let b = 0x61c88647;
  for (let i = 0; i < len; i++) {
    const v = buf[i] as number;
    let k = Math.imul(v, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    a ^= Math.imul(k, 0x1b873593);
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    b = (b + Math.imul(v, 0xc2b2ae3d)) | 0;
    b = Math.imul((b << 17) | (b >>> 15), 0x27d4eb2f);
  }
  a ^= len;
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  key64[0] = a ^ (a >>> 16);
  b ^= len;
  b ^= b >>> 15;
  b = Math.imul(b, 0x85ebca77);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae3d);
  key64[1] = b ^ (b >>> 16);
}
