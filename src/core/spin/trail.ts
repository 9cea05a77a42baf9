import { HAZARD_KINDS } from '../catalog';
import { replay } from '../step';
import type { HazardKind, Scenario } from '../types';
import { HEADER_TAG } from './promela-header';
import { ident } from './promela-schema';

/** What `spin -t` printed for a trail, read back as a Ringside schedule. */
export interface SpinReplay {
  /** Each Ringside step Spin took: thread and the pc it ran. */
  steps: { thread: number; pc: number }[];
  /** The hazard whose assertion failed last in the replay (the watchdog's assertion for a deadlock). */
  hazard: HazardKind;
}

const BY_IDENT = new Map<string, HazardKind>(HAZARD_KINDS.map((k) => [ident(k), k]));

/** Reads `spin -t` output: the `RS <thread> <pc>` lines each step prints, and the failed assertion's kind. */
export function readSpinReplay(output: string): SpinReplay | string {
  const steps = [...output.matchAll(/^\s*RS (\d+) (\d+)\s*$/gm)].map((m) => ({
    thread: Number(m[1]),
    pc: Number(m[2]),
  }));
  if (
    /spin: .*(?:not found|missing pstate|unexpected|trail ends after -?\d+ steps\s*$)/m.test(output) &&
    steps.length === 0
  )
    return 'Spin could not replay the trail against this model: it is a trail of another model';
  const kinds = [...output.matchAll(/failed assertion: assert\(!\(hazard_(\w+)\)\)/g)].map((m) =>
    BY_IDENT.get(m[1] ?? ''),
  );
  const hazard = kinds.at(-1);
  if (hazard === undefined) return 'the trail ends before any hazard: it is truncated or not a counterexample';
  return { steps, hazard };
}

/** The model version and scenario id a Promela file's header names, or why it is not one of Ringside's. */
export function readPromelaHeader(text: string): { scenario: string; model: string; ringside: string } | string {
  if (!text.startsWith(HEADER_TAG)) return 'the .pml beside the trail is not a Ringside Promela export';
  const scenario = /^\/\* scenario: (\S+)/m.exec(text)?.[1];
  const versions = /^ \* ringside: (\S+)\s+model: (\S+)/m.exec(text);
  if (!scenario || !versions) return 'the .pml beside the trail has a damaged header';
  return { scenario, ringside: versions[1] ?? '', model: versions[2] ?? '' };
}

export type TrailBack = { ok: true; schedule: number[]; hazard: HazardKind } | { ok: false; error: string };

/**
 * Replays Spin's steps in Ringside: each must run the thread at the pc Spin ran, and the run must reach the hazard
 * Spin reported. The error names the step where the trail stops replaying.
 */
export function trailBack(scenario: Scenario, spin: SpinReplay): TrailBack {
  const schedule = spin.steps.map((s) => s.thread);
  const run = replay(scenario, schedule);
  if (run.error !== undefined) return { ok: false, error: `the trail does not replay in Ringside: ${run.error}` };
  for (let i = 0; i < spin.steps.length; i++) {
    const want = spin.steps[i];
    const pc = run.events[i]?.pc;
    if (want && pc !== want.pc)
      return {
        ok: false,
        error: `the trail does not replay in Ringside: step ${i + 1} runs thread ${want.thread} at pc ${want.pc} in Spin but at pc ${pc} in Ringside`,
      };
  }
  const reached = run.events.some((e) => e.findings.some((f) => f.kind === spin.hazard));
  if (!reached)
    return {
      ok: false,
      error: `the trail ends after ${schedule.length} steps without reaching ${spin.hazard} in Ringside: it is not a counterexample of this model`,
    };
  return { ok: true, schedule, hazard: spin.hazard };
}
