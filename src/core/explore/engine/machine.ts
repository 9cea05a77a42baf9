import type { LivenessResult } from '../liveness/liveness';
import type { Decode } from './frontier';
import type { IntWriter } from './int-writer';

/** What the explorer needs to know about a finding a step caused. */
export interface StepFinding {
  kind: string;
  severity: 'hazard' | 'warning';
  message: string;
}

export type MachineStep<S> = { ok: true; state: S; findings: readonly StepFinding[] } | { ok: false; error: string };

/** A deterministic state machine whose interleavings the explorer enumerates. */
export interface Machine<S> {
  init(): S;
  /** Threads that can step now, ascending; none means the run is over (finished or stuck). */
  enabled(state: S): readonly number[];
  step(state: S, thread: number): MachineStep<S>;
  /** Writes every field that affects the future, and nothing else, into `w` (already reset). */
  encode(state: S, w: IntWriter): void;
  /**
   * The state's 64-bit key written into `key64` (hash64.ts) without encoding it: equal states get equal keys. When
   * given, a hashed search looks every state up by it (the visited set, the chains, the cycle proviso's levels) and
   * encodes only new states (state-lookup.ts; not used with `exact`).
   */
  key?(state: S): void;
  /** Rebuilds a state from its encoding at BFS depth `depth`; when given, frontier states are stored encoded. */
  decode?: Decode<S>;
  /** Findings of a state where no thread can step (e.g. a deadlock), attributed to the step that reached it. */
  stuck?(state: S): readonly StepFinding[];
  /**
   * Partial-order reduction: candidate persistent sets of enabled threads, each smaller than `enabled`, best first
   * (docs/partial-order.md). The engine expands the first whose steps report no finding and reach the next level.
   * With `firstOnly` (a chain asks which one step to take), only the first candidate is certain: the rest may be left out.
   */
  ampleSets?(state: S, enabled: readonly number[], firstOnly?: boolean): readonly (readonly number[])[];
}

export interface ExploreProgress {
  states: number;
  transitions: number;
  depth: number;
  ms: number;
  /** Which search reports: the safety search (the default) or the liveness pass that follows it. */
  phase?: 'liveness';
}

export interface ExploreOptions {
  /** Stop with an incomplete result once this many distinct states were found (default 2,000,000). */
  maxStates?: number;
  /** Store full encodings instead of 64-bit hashes (no collision risk; slow, for tests). */
  exact?: boolean;
  /** Call `onProgress` every this many distinct states (default 100,000). */
  progressEvery?: number;
  onProgress?: (progress: ExploreProgress) => void;
  signal?: { readonly aborted: boolean };
  shouldStop?: () => boolean;
  /** Also stop with an incomplete result once the explorer's own stores (see `storeBytes`) pass this many bytes. */
  maxStoreBytes?: number;
  /** Also pause (yield progress from `exploreSteps`) once a slice of work has taken this many milliseconds. */
  sliceMs?: number;
  /** Store frontier states as live objects even when the machine can decode (to compare the two). */
  objectFrontier?: boolean;
  /** Partial-order reduction when the machine offers it (`ampleSets`); on unless `false` (docs/partial-order.md). */
  por?: boolean;
  /** With `por`, step through states whose reduced expansion is one step without storing them; on unless `false`. */
  chains?: boolean;
}

/** A finding reached by the shortest schedule that reaches it. */
export interface Counterexample {
  kind: string;
  severity: 'hazard' | 'warning';
  /** 0-based index, in `schedule`, of the step that caused it. */
  step: number;
  schedule: number[];
  message: string;
}

export type ExploreStatus = 'complete' | 'bound' | 'cancelled';

export interface ExploreResult {
  status: ExploreStatus;
  complete: boolean;
  /** One sentence saying how the run ended. */
  message: string;
  states: number;
  transitions: number;
  /** Length of the longest shortest schedule to any state found. */
  depth: number;
  ms: number;
  /** The first (shortest) counterexample per finding kind, in discovery order. */
  findings: Counterexample[];
  /** Steps the machine refused although it had listed the thread as enabled (a core bug). */
  errors: { schedule: number[]; error: string }[];
  /** Partial-order reduction was on: states and transitions count the reduced graph (docs/partial-order.md). */
  reduced: boolean;
  /** Peak bytes of the explorer's own stores (visited set, parent log, frontier encodings). */
  storeBytes: number;
  /** The liveness verdicts, when a liveness pass ran after the safety search (`ringside.ts`). */
  liveness?: LivenessResult;
}
