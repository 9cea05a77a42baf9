import fc from 'fast-check';

/** What one call of a surface answered: a short label for the tally, and any messages meant for a person. */
export interface Outcome {
  label: string;
  messages?: readonly string[];
}

/** One door untrusted input comes through: how to make inputs for it, and how to call it. */
export interface Surface<T, P = T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Builds the real input from the generated description (e.g. a proxy); not timed, never counted as the door's. */
  prepare?: (generated: T) => P;
  run: (input: P) => Outcome;
  /** A call slower than this counts as a hang (default `HANG_MS`). */
  hangMs?: number;
  /** Messages must be one line of at most this many characters (no control characters); unset: not checked. */
  maxMessageLength?: number;
  /** This surface's share of a run's inputs (default 1): slow surfaces (a process per input) get less. */
  weight?: number;
}

/** A call slower than this counts as a hang: no input may make a door wait on it (room left for a loaded machine). */
export const HANG_MS = 2000;

export interface SurfaceReport {
  name: string;
  inputs: number;
  outcomes: Record<string, number>;
  exceptions: number;
  badMessages: number;
  hangs: number;
  slowestMs: number;
  longestMessage: number;
  /** The first failure, described (never the input itself, which may be huge or hostile). */
  firstFailure?: string;
}

/** A message problem, or null: one line, no control characters, not longer than the surface allows. */
export function messageProblem(message: string, max: number): string | null {
  if (message.length > max) return `a message of ${message.length} characters (at most ${max})`;
  if (/[\p{Cc}\u2028\u2029]/u.test(message)) return 'a message with a control character or line break';
  return null;
}

/** Calls the surface once; never throws (an exception is the finding). */
export function tryOnce<T, P>(surface: Surface<T, P>, generated: T): { outcome?: Outcome; error?: string; ms: number } {
  const input = surface.prepare ? surface.prepare(generated) : (generated as unknown as P);
  const started = performance.now();
  try {
    const outcome = surface.run(input);
    return { outcome, ms: performance.now() - started };
  } catch (error) {
    const name = error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : typeof error;
    return { error: name, ms: performance.now() - started };
  }
}

/** Runs `runs` generated inputs through the surface and tallies how each ended. */
export function fuzzSurface<T, P>(surface: Surface<T, P>, runs: number, seed: number): SurfaceReport {
  const report: SurfaceReport = {
    name: surface.name,
    inputs: 0,
    outcomes: {},
    exceptions: 0,
    badMessages: 0,
    hangs: 0,
    slowestMs: 0,
    longestMessage: 0,
  };
  const fail = (what: string) => {
    report.firstFailure ??= `input #${report.inputs}: ${what}`;
  };
  for (const input of fc.sample(surface.arbitrary, { numRuns: runs, seed })) {
    report.inputs++;
    const { outcome, error, ms } = tryOnce(surface, input);
    report.slowestMs = Math.max(report.slowestMs, ms);
    if (ms > (surface.hangMs ?? HANG_MS)) {
      report.hangs++;
      fail(`took ${Math.round(ms)} ms`);
    }
    if (!outcome) {
      report.exceptions++;
      fail(`threw ${error}`);
      continue;
    }
    report.outcomes[outcome.label] = (report.outcomes[outcome.label] ?? 0) + 1;
    for (const message of outcome.messages ?? []) {
      report.longestMessage = Math.max(report.longestMessage, message.length);
      const problem = surface.maxMessageLength === undefined ? null : messageProblem(message, surface.maxMessageLength);
      if (problem) {
        report.badMessages++;
        fail(problem);
      }
    }
  }
  return report;
}
