/**
 * A set of 64-bit keys (two uint32 halves) in one open-addressing table with linear probing.
 * The pair (0, 0) marks an empty slot, so callers must never add it (see `visited-set.ts`).
 * The table doubles when it is half full, which keeps probe sequences short. A key's home slot is the top bits of
 * its high half times an odd constant (Fibonacci hashing: spread even for unhashed keys), so growing walks the old
 * table in order and fills the new one nearly in order too, instead of writing it at random.
 */
export class KeyTable {
  private keys: Uint32Array;
  private mask: number;
  private shift: number;
  size = 0;

  constructor(initialSlots = 1 << 10) {
    const bits = Math.ceil(Math.log2(Math.max(16, initialSlots)));
    this.keys = new Uint32Array(2 ** bits * 2);
    this.mask = 2 ** bits - 1;
    this.shift = 32 - bits;
  }

  /** Adds the key; true when it was not there before. */
  add(hi: number, lo: number): boolean {
    if (this.size * 2 >= this.mask + 1) this.grow();
    if (!this.insert(hi >>> 0, lo >>> 0)) return false;
    this.size++;
    return true;
  }

  has(hi: number, lo: number): boolean {
    const keys = this.keys;
    const mask = this.mask;
    const h = hi >>> 0;
    const l = lo >>> 0;
    for (let slot = homeSlot(h, this.shift); ; slot = (slot + 1) & mask) {
      const a = keys[slot * 2] as number;
      const b = keys[slot * 2 + 1] as number;
      if (a === 0 && b === 0) return false;
      if (a === h && b === l) return true;
    }
  }

  /** Empties the table, keeping its storage. */
  clear(): void {
    this.keys.fill(0);
    this.size = 0;
  }

  get bytes(): number {
    return this.keys.byteLength;
  }

  private insert(hi: number, lo: number): boolean {
    const keys = this.keys;
    const mask = this.mask;
    let slot = homeSlot(hi, this.shift);
    for (;;) {
      const a = keys[slot * 2] as number;
      const b = keys[slot * 2 + 1] as number;
      if (a === 0 && b === 0) {
        keys[slot * 2] = hi;
        keys[slot * 2 + 1] = lo;
        return true;
      }
      if (a === hi && b === lo) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Uint32Array(old.length * 2);
    // One write per 4 KB page first: a probe reading an untouched page first maps the zero page, so its first
    // insert then faults a second time (copy on write); written first, each page faults once.
    for (let i = 0; i < this.keys.length; i += 1024) this.keys[i] = 0;
    this.mask = old.length - 1;
    this.shift--;
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i] as number;
      const b = old[i + 1] as number;
      if (a !== 0 || b !== 0) this.insert(a, b);
    }
  }
}

/**
 * A key's home slot in a table of 2^(32 − shift) slots: the top bits of the key times an odd constant (Fibonacci
 * hashing), so keys whose low bits collide still spread.
 */
export const homeSlot = (key: number, shift: number): number => Math.imul(key, 0x9e3779b1) >>> shift;
