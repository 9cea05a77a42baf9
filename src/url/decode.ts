import { excerpt } from '../core/excerpt';
import type { Scenario } from '../core/types';
import { builtinScenarios } from '../scenarios';
import { checksum, LINK_FORMAT } from './encode';
import { MODEL_VERSION } from './model-version';
import { parseNatural, parseThreads } from './numbers';
import { type LinkDecode, MAX_LINK_CHARS, MAX_LINK_STEPS, MAX_QUERY_CHARS, type RunLink } from './run-link-types';
import { decodeScenario } from './scenario-code';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MODEL = /^[0-9a-z]{4}$/;
const LINK_KEYS = ['v', 's', 'x', 't', 'i', 'm', 'c'];

type Step<T> = { ok: true; value: T } | { ok: false; error: string; nearest: RunLink | null };
const fail = (error: string, nearest: RunLink | null = null) => ({ ok: false as const, error, nearest });

/** Reads a link's text (query, optionally followed by `#fragment`); never throws, whatever the text. */
export function decode(text: string, catalog: readonly Scenario[] = builtinScenarios): LinkDecode {
  try {
    return decodeText(String(text), catalog);
  } catch {
    return { status: 'error', error: 'The link could not be read.', nearest: null };
  }
}

function decodeText(text: string, catalog: readonly Scenario[]): LinkDecode {
  if (text.length > MAX_LINK_CHARS)
    return {
      status: 'error',
      error: `The link is ${text.length} characters long; at most ${MAX_LINK_CHARS}.`,
      nearest: null,
    };
  const cut = text.indexOf('#');
  const queryChars = cut < 0 ? text.length : cut;
  if (queryChars > MAX_QUERY_CHARS)
    return {
      status: 'error',
      error: `The link's query is ${queryChars} characters long; at most ${MAX_QUERY_CHARS}.`,
      nearest: null,
    };
  const query = new URLSearchParams(cut < 0 ? text : text.slice(0, cut));
  const fragment = new URLSearchParams(cut < 0 ? '' : text.slice(cut + 1));
  if (!['v', 's', 'x'].some((key) => query.has(key)) && !fragment.has('x')) return { status: 'none' };
  const twice = LINK_KEYS.find((key) => query.getAll(key).length + fragment.getAll(key).length > 1);
  if (twice) return { status: 'error', error: `The link gives "${twice}" more than once.`, nearest: null };
  const version = query.get('v') ?? '';
  const result =
    version === '1'
      ? decodeVersion1(query, catalog)
      : version === LINK_FORMAT
        ? decodeVersion2(query, fragment, catalog)
        : fail(`The link format version ${excerpt(version)} is unknown (this Ringside reads 1 and 2).`);
  return result.ok
    ? { status: 'ok', ...result.value }
    : { status: 'error', error: result.error, nearest: result.nearest };
}

function named(id: string, catalog: readonly Scenario[]): Step<RunLink> {
  if (!ID.test(id) || !catalog.some((s) => s.id === id)) return fail(`It names an unknown scenario ${excerpt(id)}.`);
  return { ok: true, value: { scenarioId: id, schedule: [], index: 0 } };
}

function scenarioOf(query: URLSearchParams, fragment: URLSearchParams, catalog: readonly Scenario[]): Step<RunLink> {
  const id = query.get('s');
  const code = query.get('x') ?? fragment.get('x');
  if (id !== null && code !== null) return fail('It gives both a scenario id and an edited scenario.');
  if (id !== null) return named(id, catalog);
  if (code === null) return fail('It names no scenario.');
  const edited = decodeScenario(code);
  if (!edited.ok) return fail(edited.error);
  return { ok: true, value: { scenarioId: edited.scenario.id, edited: edited.scenario, schedule: [], index: 0 } };
}

/** The schedule and step shown, read strictly; `start` is the scenario's start, the nearest run on any error. */
function runOf(start: RunLink, threadsText: string, indexText: string | null): Step<RunLink> {
  if (threadsText.length > 3 * MAX_LINK_STEPS)
    return fail(`The link holds more than ${MAX_LINK_STEPS} steps; Ringside replays at most ${MAX_LINK_STEPS}.`, start);
  const schedule = parseThreads(threadsText);
  if (!schedule)
    return fail(`The thread choices ${excerpt(threadsText)} are not thread numbers separated by single dots.`, start);
  if (schedule.length > MAX_LINK_STEPS)
    return fail(`The link holds ${schedule.length} steps; Ringside replays at most ${MAX_LINK_STEPS}.`, start);
  const atEnd = { ...start, schedule, index: schedule.length };
  const index = indexText === null ? schedule.length : parseNatural(indexText);
  if (index === null) return fail(`The step shown, ${excerpt(indexText ?? '')}, is not a whole number.`, atEnd);
  if (index > schedule.length) return fail(`Step ${index} is outside the ${schedule.length} recorded steps.`, atEnd);
  return { ok: true, value: { ...start, schedule, index } };
}

function decodeVersion1(query: URLSearchParams, catalog: readonly Scenario[]): Step<{ link: RunLink; note?: string }> {
  const start = named(query.get('s') ?? '', catalog);
  if (!start.ok) return start;
  const run = runOf(start.value, query.get('t') ?? '', query.get('i'));
  if (!run.ok) return run;
  return {
    ok: true,
    value: {
      link: run.value,
      note: 'This link is from before links recorded the model version; it is replayed by this model.',
    },
  };
}

function decodeVersion2(
  query: URLSearchParams,
  fragment: URLSearchParams,
  catalog: readonly Scenario[],
): Step<{ link: RunLink; note?: string }> {
  const start = scenarioOf(query, fragment, catalog);
  if (!start.ok) return start;
  const threads = query.get('t') ?? '';
  const index = query.get('i') ?? '';
  const run = runOf(start.value, threads, index);
  if (!run.ok) return run;
  const model = query.get('m') ?? '';
  if (!MODEL.test(model)) return fail(`Its model version ${excerpt(model)} is not a model version.`, start.value);
  const scenarioText = query.get('s') ?? query.get('x') ?? fragment.get('x') ?? '';
  if (query.get('c') !== checksum(model, scenarioText, threads, index))
    return fail('Its checksum does not match: the link was changed or cut short.', start.value);
  const note =
    model === MODEL_VERSION
      ? undefined
      : `This link was made by model ${model}; this is model ${MODEL_VERSION}. It is replayed by this model.`;
  return { ok: true, value: note ? { link: run.value, note } : { link: run.value } };
}
