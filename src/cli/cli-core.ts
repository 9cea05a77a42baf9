import { escapeLine, excerpt } from '../core/excerpt';
import { DEFAULT_MAX_STATES } from '../core/explore/engine/engine';
import { exploreMatrix, type Matrix } from '../core/explore/matrix/matrix';
import { matrixTable } from '../core/explore/matrix/matrix-table';
import { exploreScenario, reportOf, type ScenarioReport } from '../core/explore/ringside/ringside';
import { parseUntrustedJson } from '../core/guard/json-text';
import { MAX_SCENARIO_FILE_BYTES } from '../core/guard/limits';
import { validateScenario } from '../core/index';
import type { Scenario } from '../core/types';
import { parseCliArgs } from './cli-args';
import { runSpinCommand, type SpinIo } from './cli-spin';

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
  'usage: npm run explore -- <scenario id | path/to/scenario.json> [--max-states N] [--max-bytes B] [--no-por] [--promela [out.pml] | --spin [--bitstate] | --spin-trail model.pml.trail] | --matrix [--table] [--max-states N] [--max-bytes B] [--no-por]';
/** The explorer's stores stop at this many bytes unless `--max-bytes` says otherwise: the browser's bound. */
export const CLI_DEFAULT_MAX_BYTES = 96 * 2 ** 20;
/** The most characters of a scenario id or path a message shows (escapes included). */
const MAX_SHOWN_PATH = 160;
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
  const maxStoreBytes = parsed.maxBytes ?? CLI_DEFAULT_MAX_BYTES;
  if (parsed.matrix) return matrixOutput(exploreMatrix({ maxStates, maxStoreBytes, por: parsed.por }), parsed.table);
  if (parsed.target === undefined) return failure(USAGE);
  const scenario = loadScenario(parsed.target, io);
  if (typeof scenario === 'string') return failure(scenario);
  if (parsed.promela !== undefined || parsed.spinTrail !== undefined || parsed.spin) {
    if (!io.spin) return failure('the Spin commands need the command line (npm run explore)');
    const out = runSpinCommand(parsed, scenario, io.spin);
    if (!out.ok) return failure(out.error, out.code === 1 ? EXIT.internalError : EXIT.badInput);
    return ok(out.json === undefined ? (out.text ?? '') : toJson(out.json), out.hazard ? EXIT.hazard : EXIT.clean);
  }
  const report = reportOf(
    scenario,
    exploreScenario(scenario, { maxStates, maxStoreBytes, liveness: true, por: parsed.por }),
  );
  return ok(toJson(report), exitCodeOf(report));
}

/** The bounds a matrix run gets from the command line. */
export interface MatrixBounds {
  maxStates: number;
  maxStoreBytes: number;
  por: boolean;
}

/** The explore command with the matrix computed by `matrix` (e.g. on a pool of worker threads); the rest as `runCli`. */
export async function runCliWithMatrix(
  args: readonly string[],
  io: CliIo,
  matrix: (bounds: MatrixBounds) => Promise<Matrix>,
): Promise<CliOutput> {
  const parsed = parseCliArgs(args);
  if (typeof parsed === 'string' || !parsed.matrix) return runCli(args, io);
  const bounds = {
    maxStates: parsed.maxStates ?? DEFAULT_MAX_STATES,
    maxStoreBytes: parsed.maxBytes ?? CLI_DEFAULT_MAX_BYTES,
    por: parsed.por,
  };
  return matrixOutput(await matrix(bounds), parsed.table);
}

function matrixOutput(matrix: Matrix, table: boolean): CliOutput {
  return ok(table ? matrixTable(matrix) : toJson(matrix), matrix.complete ? EXIT.clean : EXIT.incomplete);
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
  // A path is the user's own and often long: it gets more room than an excerpt of a file's contents.
  const shownTarget = excerpt(target, MAX_SHOWN_PATH);
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
