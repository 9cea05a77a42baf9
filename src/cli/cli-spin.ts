import { escapeLine, excerpt } from '../core/excerpt';
import { checkTrailText, MAX_PROMELA_BYTES, MAX_TRAIL_BYTES } from '../core/guard/spin-trail';
import type { PanVerdict } from '../core/spin/pan-output';
import type { PromelaExport } from '../core/spin/promela-export';
import { readPromelaHeader, readSpinReplay, trailBack } from '../core/spin/trail';
import type { Scenario } from '../core/types';
import type { CliArgs } from './cli-args';

/** What the Spin commands need from the outside world (scripts/explore.ts gives the Node versions). */
export interface SpinIo {
  /** The scenario as Promela, its header naming this Ringside, this model and the scenario's link. */
  promela(scenario: Scenario): PromelaExport;
  /** The share link that opens `schedule` of `scenario` in the stepper, at its last step. */
  link(scenario: Scenario, schedule: number[]): string;
  writeFile(path: string, text: string): void;
  readFile(path: string, maxBytes: number): string;
  /** Why spin or gcc cannot run (with the install command), or null. */
  missing(): string | null;
  /** `spin -t` of `trail` against `model`: its standard output. */
  replay(model: string, trail: string): string;
  /** Builds and runs pan; `trail` is the first counterexample's trail text, when pan wrote one. */
  check(model: string, mode: 'safety' | 'liveness', bitstate: boolean): PanVerdict & { cpuS: number; trail?: string };
}

/** `text` is printed as it is (Promela, a note); `json` through the CLI's JSON layout. */
export type SpinOutcome =
  | { ok: true; text?: string; json?: unknown; hazard: boolean }
  | { ok: false; error: string; code?: 1 | 2 };

/** `--promela`, `--spin-trail` and `--spin` for one scenario. */
export function runSpinCommand(args: CliArgs, scenario: Scenario, io: SpinIo): SpinOutcome {
  const model = io.promela(scenario);
  if (!model.ok) return { ok: false, error: `cannot export ${scenario.id}: ${model.error}` };
  if (args.promela !== undefined) {
    if (args.promela === true) return { ok: true, text: model.text.trimEnd(), hazard: false };
    io.writeFile(args.promela, model.text);
    return { ok: true, text: `wrote ${args.promela}`, hazard: false };
  }
  const missing = io.missing();
  if (missing) return { ok: false, error: missing, code: 1 };
  if (args.spinTrail !== undefined) return readTrail(args.spinTrail, scenario, model.text, io);
  return roundTrip(scenario, model.text, args.bitstate, io);
}

function readTrail(path: string, scenario: Scenario, model: string, io: SpinIo): SpinOutcome {
  const shown = excerpt(path);
  let trail: string;
  let pml: string;
  const pmlPath = path.replace(/\d*\.trail$/, '');
  try {
    trail = io.readFile(path, MAX_TRAIL_BYTES);
    pml = io.readFile(pmlPath, MAX_PROMELA_BYTES);
  } catch (e) {
    return {
      ok: false,
      error: `cannot read ${shown} and the .pml beside it: ${e instanceof Error ? escapeLine(e.message, 200) : 'unreadable'}`,
    };
  }
  const checked = checkTrailText(trail);
  if (!checked.ok) return { ok: false, error: `${shown} is not a Spin trail: ${checked.error}` };
  const header = readPromelaHeader(pml);
  if (typeof header === 'string') return { ok: false, error: header };
  if (header.scenario !== scenario.id)
    return { ok: false, error: `the trail is for scenario ${excerpt(header.scenario)}, not ${excerpt(scenario.id)}` };
  if (pml !== model)
    return {
      ok: false,
      error: `the .pml beside the trail was exported by Ringside ${excerpt(header.ringside)}, model ${excerpt(header.model)}, or from an edited scenario: export it again with --promela`,
    };
  return backToRingside(scenario, io.replay(model, trail), io, 'trail');
}

function backToRingside(scenario: Scenario, output: string, io: SpinIo, what: string): SpinOutcome {
  const spin = readSpinReplay(output);
  if (typeof spin === 'string') return { ok: false, error: spin };
  const back = trailBack(scenario, spin);
  if (!back.ok) return { ok: false, error: back.error };
  const json = {
    scenario: scenario.id,
    from: what,
    hazard: back.hazard,
    schedule: back.schedule,
    link: io.link(scenario, back.schedule),
  };
  return { ok: true, json, hazard: true };
}

function roundTrip(scenario: Scenario, model: string, bitstate: boolean, io: SpinIo): SpinOutcome {
  const safety = io.check(model, 'safety', bitstate);
  const liveness = io.check(model, 'liveness', bitstate);
  let counterexample: unknown = null;
  if (safety.trail) {
    const back = backToRingside(scenario, io.replay(model, safety.trail), io, 'spin');
    counterexample = back.ok ? back.json : { error: back.error };
  }
  const json = {
    scenario: scenario.id,
    search: bitstate ? 'bitstate' : 'exhaustive',
    hazards: safety.hazards,
    states: safety.states,
    transitions: safety.transitions,
    cpuS: safety.cpuS,
    complete: !safety.truncated && !safety.capacityExceeded,
    weakFairness: liveness.nonProgress ? 'non-progress cycle' : 'live',
    counterexample,
  };
  return { ok: true, json, hazard: safety.hazards.length > 0 };
}
