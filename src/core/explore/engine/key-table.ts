/**
 * A set of 64-bit keys (two uint32 halves) in one open-addressing table with linear probing.
 * The pair (0, 0) marks an empty slot, so callers must never add it (see `visited-set.ts`).
 * The table doubles when it is half full, which keeps probe sequences short.
 */
export class KeyTable {
  private keys: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialSlots = 1 << 10) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, initialSlots)));
    this.keys = new Uint32Array(slots * 2);
    this.mask = slots - 1;
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
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
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
    let slot = hi & mask;
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
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i] as number;
      const b = old[i + 1] as number;
      if (a !== 0 || b !== 0) this.insert(a, b);
    }
  }
}
