import type { Machine, StepFinding } from './machine';

/**
 * A tiny machine for engine tests: thread t counts from 0 up to limits[t]. Reaching counts (2, 1, …) raises a
 * `meet` hazard, counter 0 reaching 1 a `first` warning, and the state equal to `stuckAt` has no enabled thread.
 */
export function countersMachine(limits: number[], options: { stuckAt?: number[] } = {}): Machine<number[]> {
  const stuckAt = options.stuckAt;
  const isStuck = (s: number[]) => stuckAt !== undefined && s.every((c, i) => c === stuckAt[i]);
  return {
    init: () => limits.map(() => 0),
    enabled: (s) => (isStuck(s) ? [] : s.flatMap((c, t) => (c < (limits[t] ?? 0) ? [t] : []))),
    step(s, t) {
      if ((s[t] ?? 0) >= (limits[t] ?? 0)) return { ok: false, error: `thread ${t} is done` };
      const state = s.map((c, i) => (i === t ? c + 1 : c));
      const findings: StepFinding[] = [];
      if (state[0] === 2 && state[1] === 1) findings.push({ kind: 'meet', severity: 'hazard', message: 'met' });
      if (state[0] === 1) findings.push({ kind: 'first', severity: 'warning', message: 'first' });
      return { ok: true, state, findings };
    },
    encode(s, w) {
      for (const c of s) w.push(c);
    },
    decode: (buf, start, end) => Array.from(buf.subarray(start, end)),
    stuck: (s) => (isStuck(s) ? [{ kind: 'deadlock', severity: 'hazard', message: 'stuck' }] : []),
  };
}
