/**
 * BFS parent pointers, one (parent index, thread) pair per discovered state, from which schedules are rebuilt; and,
 * when the search merges chains (docs/partial-order.md), how many chain steps followed that thread's step.
 */
export class ParentLog {
  private parents = new Int32Array(1 << 10);
  private threads = new Uint8Array(1 << 10);
  /** Chain steps per state; allocated on the first state that has any. */
  private chainSteps: Uint8Array | null = null;
  size = 0;

  /** Records a state reached from `parent` (-1 for the initial state) by stepping `thread`; returns its index. */
  push(parent: number, thread: number, links = 0): number {
    if (thread < 0 || thread > 255) throw new RangeError(`thread ${thread} does not fit in a byte`);
    if (links < 0 || links > 255) throw new RangeError(`${links} chain steps do not fit in a byte`);
    if (this.size === this.parents.length) this.grow();
    if (links > 0 && !this.chainSteps) this.chainSteps = new Uint8Array(this.parents.length);
    this.parents[this.size] = parent;
    this.threads[this.size] = thread;
    if (this.chainSteps) this.chainSteps[this.size] = links;
    return this.size++;
  }

  /** The schedule (thread per step) from the initial state to state `index`, without chain steps. */
  schedule(index: number): number[] {
    const out: number[] = [];
    for (let i = index; i > 0; i = this.parents[i] as number) out.push(this.threads[i] as number);
    return out.reverse();
  }

  /** The chain steps after each thread of `schedule(index)`, in the same order. */
  linksOf(index: number): number[] {
    const out: number[] = [];
    for (let i = index; i > 0; i = this.parents[i] as number) out.push(this.chainSteps?.[i] ?? 0);
    return out.reverse();
  }

  /** True once some state was reached through a chain. */
  get chained(): boolean {
    return this.chainSteps !== null;
  }

  get bytes(): number {
    return this.parents.byteLength + this.threads.byteLength + (this.chainSteps?.byteLength ?? 0);
  }

  private grow(): void {
    const parents = new Int32Array(this.parents.length * 2);
    parents.set(this.parents);
    const threads = new Uint8Array(this.threads.length * 2);
    threads.set(this.threads);
    this.parents = parents;
    this.threads = threads;
    if (this.chainSteps) {
      const steps = new Uint8Array(this.chainSteps.length * 2);
      steps.set(this.chainSteps);
      this.chainSteps = steps;
    }
  }
}
