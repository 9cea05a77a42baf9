import type { Instr } from '../types';

const ACCESSES: ReadonlySet<string> = new Set(['uaccess', 'vaccess', 'kaccess', 'rcu-access']);

/**
 * Is this vhost step always progress in the sense of `vhostProgress` (ringside-liveness.ts)? An access to the used
 * area publishes used.idx (`published += 1` before the access), `round-end` completes a round, and the last
 * instruction finishes the worker. The agreement test checks this static reading against the liveness verdicts.
 */
export function progressStep(instr: Instr, pc: number, length: number): boolean {
  return (ACCESSES.has(instr.op) && instr.arg === 2) || instr.op === 'round-end' || pc === length - 1;
}
