import { escapeLine, excerpt } from '../excerpt';
import { parseUntrustedJson } from '../guard/json-text';
import { MAX_SCENARIO_FILE_BYTES } from '../guard/limits';
import { validateScenario } from '../index';
import type { Scenario } from '../types';
import { parseCliArgs } from './cli-args';
import { runSpinCommand, type SpinIo } from './cli-spin';
import { DEFAULT_MAX_STATES } from './engine';
import { exploreMatrix } from './matrix';
import { matrixTable } from './matrix-table';
import { exploreScenario, reportOf, type ScenarioReport } from './ringside';

export interface CliIo {
  /** Returns the file's text, or throws an Error whose message says why (never reads more than `maxBytes`). */
  readFile(path: string, maxBytes: number): string;
  builtins: readonly Scenario[];
  /** The Spin commands' I/O; without it `--promela`, `--spin` and `--spin-trail` are refused. */
  spin?: SpinIo;
}

/** The exit codes the README documents; 1 stays Node's own code for an uncaught exception. */
export const EXIT = { clean: 0, internalError: 1, badInput: 2, hazard: 3, incomplete: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliOutput {
  code: ExitCode;
  stdout: string;
  stderr: string;
}

export const USAGE =
  'usage: npm run explore -- <scenario id | path/to/scenario.json> [--max-states N] [--no-por] [--promela [out.pml] | --spin [--bitstate] | --spin-trail model.pml.trail] | --matrix [--table] [--no-por]';
/** The longest stderr line: enough for every validation error, short enough for any terminal. */
const MAX_STDERR = 2000;

/** One line on stderr, with every control character escaped, whatever the message quotes. */
export const failure = (message: string, code: ExitCode = EXIT.badInput): CliOutput => ({
  code,
  stdout: '',
  stderr: `${escapeLine(message, MAX_STDERR)}\n`,
});
const ok = (text: string, code: ExitCode): CliOutput => ({ code, stdout: `${text}\n`, stderr: '' });

/** The explore command without its I/O: exit code 2 and one line on stderr for any bad input. */
export function runCli(args: readonly string[], io: CliIo): CliOutput {
  const parsed = parseCliArgs(args);
  if (typeof parsed === 'string') return failure(`${parsed}; ${USAGE}`);
  const maxStates = parsed.maxStates ?? DEFAULT_MAX_STATES;
  if (parsed.matrix) {
    const matrix = exploreMatrix({ maxStates, por: parsed.por });
    const code = matrix.complete ? EXIT.clean : EXIT.incomplete;
    return ok(parsed.table ? matrixTable(matrix) : toJson(matrix), code);
  }
  if (parsed.target === undefined) return failure(USAGE);
  const scenario = loadScenario(parsed.target, io);
  if (typeof scenario === 'string') return failure(scenario);
  if (parsed.promela !== undefined || parsed.spinTrail !== undefined || parsed.spin) {
    if (!io.spin) return failure('the Spin commands need the command line (npm run explore)');
    const out = runSpinCommand(parsed, scenario, io.spin);
    if (!out.ok) return failure(out.error, out.code === 1 ? EXIT.internalError : EXIT.badInput);
    return ok(out.json === undefined ? (out.text ?? '') : toJson(out.json), out.hazard ? EXIT.hazard : EXIT.clean);
  }
  const report = reportOf(scenario, exploreScenario(scenario, { maxStates, liveness: true, por: parsed.por }));
  return ok(toJson(report), exitCodeOf(report));
}

/** A hazard found is a definite answer even when the bound stopped the run; otherwise an incomplete run says so. */
export function exitCodeOf(report: ScenarioReport): ExitCode {
  if (report.hazards.some((h) => h.severity === 'hazard')) return EXIT.hazard;
  return report.complete ? EXIT.clean : EXIT.incomplete;
}

/** A built-in scenario by id, or a scenario file by path; a string is the one-line reason it failed. */
export function loadScenario(target: string, io: CliIo): Scenario | string {
  const builtin = io.builtins.find((s) => s.id === target);
  if (builtin) return builtin;
  const shownTarget = excerpt(target);
  if (!target.endsWith('.json') && !target.includes('/')) {
    const ids = io.builtins.map((s) => s.id).join(', ');
    return `unknown scenario id ${shownTarget} (built-in ids: ${ids}; or give a path to a .json file)`;
  }
  let text: string;
  try {
    text = io.readFile(target, MAX_SCENARIO_FILE_BYTES);
  } catch (e) {
    return `cannot read ${shownTarget}: ${e instanceof Error ? escapeLine(e.message, 200) : 'unreadable'}`;
  }
  const json = parseUntrustedJson(text);
  if (!json.ok) return `cannot load ${shownTarget}: ${json.error.message}`;
  const valid = validateScenario(json.value);
  return valid.ok ? valid.scenario : `invalid scenario ${shownTarget}: ${valid.errors.join(' ')}`;
}

const FLAT_LIST = /\[\s*(?:-?\d+|"[^"\\]*")(?:,\s*(?:-?\d+|"[^"\\]*"))*\s*\]/g;

/** Indented JSON with lists of numbers and plain strings (schedules, finding kinds) kept on one line. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    FLAT_LIST,
    (list) => `[${(JSON.parse(list) as unknown[]).map((x) => JSON.stringify(x)).join(', ')}]`,
  );
}
