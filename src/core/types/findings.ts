/** What the model reports: hazards and warnings. */

/**
 * `block-in-nonblock`: a call that may sleep in a non-blockable invalidation (not atomic context, but must not wait).
 * `mm-refcount-underflow`: an mmdrop of an mm_count reference never taken, so the mm_struct is freed while in use.
 */
export type HazardKind =
  | 'use-after-free'
  | 'lost-write'
  | 'sleep-in-atomic'
  | 'block-in-nonblock'
  | 'deadlock'
  | 'stale-tlb'
  | 'mm-refcount-underflow';

export type WarningKind =
  | 'pin-blocks-migration'
  | 'pin-blocks-ksm'
  | 'oom-reaper-skipped'
  | 'invalidation-never-ends'
  | 'rcu-latency'
  | 'spurious-invalidation'
  | 'pin-write-after-writeback';

/** A safety hazard or a liveness/cost warning, reported at the step that caused it. */
export interface Finding {
  kind: HazardKind | WarningKind;
  severity: 'hazard' | 'warning';
  /** Index of the step (0-based position in the schedule) that caused it. */
  step: number;
  thread: number;
  frames: number[];
  threads: number[];
  message: string;
  /** Which protocol rule would have prevented it. */
  rule: string;
}
