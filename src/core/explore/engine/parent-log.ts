/** BFS parent pointers, one (parent index, thread) pair per discovered state, from which schedules are rebuilt. */
export class ParentLog {
  private parents = new Int32Array(1 << 10);
  private threads = new Uint8Array(1 << 10);
  size = 0;

  /** Records a state reached from `parent` (-1 for the initial state) by stepping `thread`; returns its index. */
  push(parent: number, thread: number): number {
    if (thread < 0 || thread > 255) throw new RangeError(`thread ${thread} does not fit in a byte`);
    if (this.size === this.parents.length) this.grow();
    this.parents[this.size] = parent;
    this.threads[this.size] = thread;
    return this.size++;
  }

  /** The schedule (thread per step) from the initial state to state `index`. */
  schedule(index: number): number[] {
    const out: number[] = [];
    for (let i = index; i > 0; i = this.parents[i] as number) out.push(this.threads[i] as number);
    return out.reverse();
  }

  get bytes(): number {
    return this.parents.byteLength + this.threads.byteLength;
  }

  private grow(): void {
    const parents = new Int32Array(this.parents.length * 2);
    parents.set(this.parents);
    const threads = new Uint8Array(this.threads.length * 2);
    threads.set(this.threads);
    this.parents = parents;
    this.threads = threads;
  }
}
