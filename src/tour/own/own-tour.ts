import { HAZARD_KINDS } from '../../core/catalog';
import type { Json } from '../../core/guard/problem';
import type { HazardKind } from '../../core/types';
import { MAX_LINK_CHARS } from '../../url/run-link-types';
import type { Prediction } from '../predict';

/** A lecturer's own tour: chosen steps of chosen scenarios (built-in or edited), each with a short note. */
export interface OwnTour {
  format: 1;
  title: string;
  stops: OwnStop[];
}

export interface OwnStop {
  /** The stop's run as a run link's text (query and fragment): it names the scenario, the schedule and the step. */
  run: string;
  /** Plain text with a tiny safe subset: *emphasis*, `code`, [text](https://...). */
  note: string;
  /** An optional question asked before the next step is shown. */
  predict?: Prediction;
}

export const OWN_LIMITS = { maxStops: 24, maxTitle: 120, maxNote: 1000, maxRun: MAX_LINK_CHARS } as const;

const KEYS = new Set(['format', 'title', 'stops']);
const STOP_KEYS = new Set(['run', 'note', 'predict']);

export type OwnTourCheck = { ok: true; tour: OwnTour } | { ok: false; errors: string[] };

const isObject = (json: Json | undefined): json is { [key: string]: Json } =>
  typeof json === 'object' && json !== null && !Array.isArray(json);

function predictionOf(json: Json | undefined, at: string, errors: string[]): Prediction | undefined {
  if (json === undefined) return undefined;
  if (!isObject(json)) {
    errors.push(`${at}: a question is an object`);
    return undefined;
  }
  const { kind, hazard, ringPage } = json;
  if (kind === 'next-thread' && typeof hazard === 'string' && (HAZARD_KINDS as readonly string[]).includes(hazard))
    return { kind, hazard: hazard as HazardKind };
  if ((kind === 'refcount' || kind === 'dirty') && typeof ringPage === 'number' && [0, 1, 2, 3].includes(ringPage))
    return { kind, ringPage };
  errors.push(`${at}: unknown question`);
  return undefined;
}

function stopOf(json: Json, at: string, errors: string[]): OwnStop | null {
  if (!isObject(json)) {
    errors.push(`${at}: a stop is an object`);
    return null;
  }
  const unknown = Object.keys(json).find((key) => !STOP_KEYS.has(key));
  if (unknown !== undefined) errors.push(`${at}: unknown field "${unknown.slice(0, 20)}"`);
  const { run, note } = json;
  if (typeof run !== 'string' || run.length === 0 || run.length > OWN_LIMITS.maxRun || !run.startsWith('?'))
    errors.push(`${at}.run: a run link's text (starting with "?"), at most ${OWN_LIMITS.maxRun} characters`);
  if (typeof note !== 'string' || note.length > OWN_LIMITS.maxNote)
    errors.push(`${at}.note: text of at most ${OWN_LIMITS.maxNote} characters`);
  const predict = predictionOf(json.predict, `${at}.predict`, errors);
  if (typeof run !== 'string' || typeof note !== 'string') return null;
  return predict ? { run, note, predict } : { run, note };
}

/**
 * The typed validator behind the guarded door: a tour from a link, a file or storage arrives here as plain JSON
 * already copied under the door's caps, and leaves as an `OwnTour` or a list of one-line errors. Never throws.
 */
export function validateOwnTour(json: Json): OwnTourCheck {
  if (!isObject(json)) return { ok: false, errors: ['a tour is a JSON object'] };
  const errors: string[] = [];
  const unknown = Object.keys(json).find((key) => !KEYS.has(key));
  if (unknown !== undefined) errors.push(`unknown field "${unknown.slice(0, 20)}"`);
  if (json.format !== 1) errors.push('format: must be 1');
  const title = json.title;
  if (typeof title !== 'string' || title.length > OWN_LIMITS.maxTitle)
    errors.push(`title: text of at most ${OWN_LIMITS.maxTitle} characters`);
  const list = json.stops;
  if (!Array.isArray(list) || list.length === 0 || list.length > OWN_LIMITS.maxStops)
    errors.push(`stops: a list of 1 to ${OWN_LIMITS.maxStops} stops`);
  const stops = Array.isArray(list)
    ? list.slice(0, OWN_LIMITS.maxStops).map((stop, i) => stopOf(stop, `stops[${i}]`, errors))
    : [];
  if (errors.length > 0 || typeof title !== 'string') return { ok: false, errors: errors.slice(0, 10) };
  return { ok: true, tour: { format: 1, title, stops: stops.filter((s): s is OwnStop => s !== null) } };
}
