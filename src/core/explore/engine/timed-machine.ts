import type { Machine } from './machine';

export interface MachineTimes {
  enabled: number;
  step: number;
  encode: number;
  decode: number;
}

/** Wraps a machine so the time spent in each of its calls is summed into `times` (ms; for the benchmark). */
export function timedMachine<S>(machine: Machine<S>, times: MachineTimes): Machine<S> {
  const timed =
    <A extends unknown[], R>(key: keyof MachineTimes, f: (...args: A) => R) =>
    (...args: A): R => {
      const t0 = performance.now();
      const r = f(...args);
      times[key] += performance.now() - t0;
      return r;
    };
  const { decode } = machine;
  return {
    ...machine,
    enabled: timed('enabled', machine.enabled),
    step: timed('step', machine.step),
    encode: timed('encode', machine.encode),
    ...(decode ? { decode: timed('decode', decode) } : {}),
  };
}
