import { HAZARD_KINDS } from './catalog';
import type { Counters, Finding, HazardKind, Instr, State, WarningKind } from './types';

/** Everything an op may touch while it runs: a private draft of the next state plus what the step reports. */
export interface OpCtx {
  s: State;
  t: number;
  instr: Instr;
  /** Index of the step being taken (its position in the schedule). */
  step: number;
  names: readonly string[];
  cost: Counters;
  findings: Finding[];
  detail: string[];
  /**
   * False in the explorer: `say` drops sentences, ops skip building the costly ones (see `narrating`), and counters
   * that need reads of other state are skipped (see `countingHistory`).
   */
  narrate: boolean;
}

/** What reporting and narration need of a context: everything but the state (an op on words has no `s`). */
export type StepReporting = Omit<OpCtx, 's'>;

export function zeroCounters(): Counters {
  return {
    tlbMiss4K: 0,
    tlbMiss2M: 0,
    tlbMiss1G: 0,
    ptesWritten: 0,
    tlbFlushes: 0,
    ipis: 0,
    gupCalls: 0,
    locks: 0,
    stacClac: 0,
    ringAccesses: 0,
    retries: 0,
    sleeps: 0,
  };
}

/** Written out field by field: it runs on every explored transition. */
export function addCounters(into: Counters, delta: Counters): void {
  into.tlbMiss4K += delta.tlbMiss4K;
  into.tlbMiss2M += delta.tlbMiss2M;
  into.tlbMiss1G += delta.tlbMiss1G;
  into.ptesWritten += delta.ptesWritten;
  into.tlbFlushes += delta.tlbFlushes;
  into.ipis += delta.ipis;
  into.gupCalls += delta.gupCalls;
  into.locks += delta.locks;
  into.stacClac += delta.stacClac;
  into.ringAccesses += delta.ringAccesses;
  into.retries += delta.retries;
  into.sleeps += delta.sleeps;
}

const HAZARDS: ReadonlySet<string> = new Set<HazardKind>(HAZARD_KINDS);

export function isHazard(kind: string): kind is HazardKind {
  return HAZARDS.has(kind);
}

export function report(
  ctx: StepReporting,
  kind: HazardKind | WarningKind,
  frames: number[],
  message: string,
  rule: string,
  threads: number[] = [ctx.t],
): void {
  ctx.findings.push({
    kind,
    severity: isHazard(kind) ? 'hazard' : 'warning',
    step: ctx.step,
    thread: ctx.t,
    frames,
    threads,
    message,
    rule,
  });
}

export function say(ctx: StepReporting, sentence: string): void {
  if (ctx.narrate) ctx.detail.push(sentence);
}

/** Guards a sentence that costs something to build (joins, sets): the explorer never reads it. */
export function narrating(ctx: StepReporting): boolean {
  return ctx.narrate;
}

/**
 * Guards a counter whose value needs a read of other state (the sleepers a release wakes): the explorer drops
 * counters after each step, and such a read must not make its step depend on others (docs/partial-order.md).
 */
export function countingHistory(ctx: StepReporting): boolean {
  return ctx.narrate;
}

/** Zeroes a counters record in place (the explorer reuses one per run). */
export function clearCounters(c: Counters): void {
  c.tlbMiss4K = 0;
  c.tlbMiss2M = 0;
  c.tlbMiss1G = 0;
  c.ptesWritten = 0;
  c.tlbFlushes = 0;
  c.ipis = 0;
  c.gupCalls = 0;
  c.locks = 0;
  c.stacClac = 0;
  c.ringAccesses = 0;
  c.retries = 0;
}
