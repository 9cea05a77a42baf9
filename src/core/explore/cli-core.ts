import { validateScenario } from '../index';
import type { Scenario } from '../types';
import { DEFAULT_MAX_STATES } from './engine';
import { exploreMatrix } from './matrix';
import { matrixTable } from './matrix-table';
import { exploreScenario, reportOf } from './ringside';

export interface CliIo {
  /** Returns the file's text, or throws (an Error whose message says why). */
  readFile(path: string): string;
  builtins: readonly Scenario[];
}

export interface CliOutput {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

export const USAGE =
  'usage: npm run explore -- <scenario id | path/to/scenario.json> [--max-states N] | --matrix [--table]';

const fail = (message: string): CliOutput => ({ code: 2, stdout: '', stderr: `${message}\n` });
const ok = (text: string): CliOutput => ({ code: 0, stdout: `${text}\n`, stderr: '' });

/** The explore command without its I/O: exit code 2 and one line on stderr for any bad input. */
export function runCli(args: readonly string[], io: CliIo): CliOutput {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const maxAt = args.indexOf('--max-states');
  const maxText = maxAt >= 0 ? args[maxAt + 1] : undefined;
  const maxStates = maxText === undefined ? DEFAULT_MAX_STATES : Number(maxText);
  if (maxAt >= 0 && !(Number.isInteger(maxStates) && maxStates > 0)) {
    return fail(`--max-states needs a positive integer, got '${maxText ?? ''}'`);
  }
  const positional = args.filter((a, i) => !a.startsWith('--') && (maxAt < 0 || i !== maxAt + 1));
  const unknown = [...flags].filter((f) => !['--matrix', '--table', '--max-states'].includes(f));
  if (unknown.length > 0) return fail(`unknown option ${unknown[0]}; ${USAGE}`);
  if (flags.has('--matrix')) {
    if (positional.length > 0) return fail(`--matrix takes no scenario; ${USAGE}`);
    const matrix = exploreMatrix({ maxStates });
    return ok(flags.has('--table') ? matrixTable(matrix) : toJson(matrix));
  }
  if (flags.has('--table')) return fail(`--table only goes with --matrix; ${USAGE}`);
  const [target, ...extra] = positional;
  if (target === undefined || extra.length > 0) return fail(USAGE);
  const scenario = loadScenario(target, io);
  if (typeof scenario === 'string') return fail(scenario);
  return ok(toJson(reportOf(scenario, exploreScenario(scenario, { maxStates, liveness: true }))));
}

/** A built-in scenario by id, or a scenario file by path; a string is the one-line reason it failed. */
export function loadScenario(target: string, io: CliIo): Scenario | string {
  const builtin = io.builtins.find((s) => s.id === target);
  if (builtin) return builtin;
  if (!target.endsWith('.json') && !target.includes('/')) {
    return `unknown scenario id '${target}' (built-in ids: ${io.builtins.map((s) => s.id).join(', ')}; or give a path to a .json file)`;
  }
  let text: string;
  try {
    text = io.readFile(target);
  } catch (e) {
    return `cannot read ${target}: ${oneLine(e)}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `malformed JSON in ${target}: ${oneLine(e)}`;
  }
  const valid = validateScenario(json);
  return valid.ok ? valid.scenario : `invalid scenario ${target}: ${valid.errors.join(' ')}`;
}

const FLAT_LIST = /\[\s*(?:-?\d+|"[^"\\]*")(?:,\s*(?:-?\d+|"[^"\\]*"))*\s*\]/g;

/** Indented JSON with lists of numbers and plain strings (schedules, finding kinds) kept on one line. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    FLAT_LIST,
    (list) => `[${(JSON.parse(list) as unknown[]).map((x) => JSON.stringify(x)).join(', ')}]`,
  );
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}
