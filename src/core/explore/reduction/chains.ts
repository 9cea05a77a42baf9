/**
 * Chains of single steps (docs/partial-order.md, "Chains"): a state whose reduced expansion is one step is not
 * stored; the search takes that step on from it. `chainThread` names the step from the state alone, so a schedule
 * through unstored states is rebuilt by replaying the machine (`chainSchedule`).
 */
import type { Machine, StepFinding } from '../engine/machine';
import type { StateLookup } from '../engine/state-lookup';

/**
 * Chain steps a chain may take after its first step; the state it then reaches is stored whatever it is. The bound
 * ends chains around cycles of unstored states; 4 keeps counterexamples within 4 steps of the full search's shortest
 * on the matrix (docs/partial-order.md), at 2.5 points of kept states more than no bound.
 */
export const MAX_LINKS = 4;

type AmpleSets<S> = NonNullable<Machine<S>['ampleSets']>;

/**
 * The one step the reduction takes from `state`: its only enabled thread (a full expansion; `alone` set), or the
 * thread of its first candidate ample set when that set holds one thread (the caller must still check that the
 * step reports nothing, C2). -1: the state has no enabled thread, or its first candidate holds several.
 */
export function chainThread<S>(
  machine: Machine<S>,
  ampleSets: AmpleSets<S>,
  state: S,
  out: { alone: boolean },
): number {
  const threads = machine.enabled(state);
  out.alone = threads.length === 1;
  if (threads.length < 2) return threads.length === 1 ? (threads[0] as number) : -1;
  const first = ampleSets(state, threads, true)[0];
  return first && first.length === 1 ? (first[0] as number) : -1;
}

/** Follows chains for the engine; one per search, reused for every step. */
export class ChainWalker<S> {
  /** Where the last walk stopped, the chain steps it kept, and every step it took (a refused one included). */
  state!: S;
  links = 0;
  steps = 0;
  /** Whether the last walk stopped at a stored state (then the lookup left that state's key or encoding). */
  endsStored = false;
  /** A chain step the machine refused although it had listed the thread (a core bug), or null. */
  error: string | null = null;
  private readonly alone = { alone: false };

  constructor(
    private readonly machine: Machine<S>,
    private readonly ampleSets: AmpleSets<S>,
    private readonly lookup: Pick<StateLookup<S>, 'stored'>,
  ) {}

  /**
   * From `state`, takes chain steps while the state reached is not stored, names a chain step, and that step reports
   * nothing unless the state had one enabled thread; records the threads in `path` from index 1 and passes each
   * finding to `note` with the number of steps taken. Looks states up by the lookup alone (by key, when it is keyed).
   */
  walk(state: S, path: number[], note: (f: StepFinding, steps: number) => void): void {
    this.state = state;
    this.links = 0;
    this.steps = 0;
    this.error = null;
    this.endsStored = false;
    while (this.links < MAX_LINKS) {
      if (this.lookup.stored(this.state)) {
        this.endsStored = true;
        return;
      }
      const u = chainThread(this.machine, this.ampleSets, this.state, this.alone);
      if (u < 0) return;
      const r = this.machine.step(this.state, u);
      this.steps++;
      path[this.links + 1] = u;
      if (!r.ok) {
        this.error = r.error;
        return;
      }
      if (!this.alone.alone && r.findings.length > 0) return;
      this.links++;
      for (const f of r.findings) note(f, this.links + 1);
      this.state = r.state;
    }
  }
}

/** The full schedule of a path of stored states, each reached by `threads[i]` then `links[i]` chain steps. */
export function chainSchedule<S>(
  machine: Machine<S>,
  ampleSets: AmpleSets<S>,
  threads: readonly number[],
  links: readonly number[],
): number[] {
  const out: number[] = [];
  const alone = { alone: false };
  let state = machine.init();
  threads.forEach((t, i) => {
    for (let k = 0, n = links[i] ?? 0; k <= n; k++) {
      const u = k === 0 ? t : chainThread(machine, ampleSets, state, alone);
      const r = machine.step(state, u);
      if (!r.ok) throw new Error(`a stored chain does not replay: ${r.error}`);
      out.push(u);
      state = r.state;
    }
  });
  return out;
}
