/** A growable Int32 buffer that is reset and refilled for every state encoded, so encoding allocates nothing. */
export class IntWriter {
  buf: Int32Array;
  len = 0;

  constructor(capacity = 256) {
    this.buf = new Int32Array(capacity);
  }

  reset(): void {
    this.len = 0;
  }

  push(value: number): void {
    if (this.len === this.buf.length) this.ensure(this.len + 1);
    this.buf[this.len++] = value;
  }

  /** Makes room for `total` values (keeping those written so far), so a caller can fill `buf` directly. */
  ensure(total: number): void {
    if (total <= this.buf.length) return;
    let length = this.buf.length * 2;
    while (length < total) length *= 2;
    const next = new Int32Array(length);
    next.set(this.buf);
    this.buf = next;
  }

  /** The encoding so far as a string key (exact mode only). */
  key(): string {
    return this.buf.subarray(0, this.len).join(',');
  }
}
