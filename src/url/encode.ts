import type { Scenario } from '../core/types';
import { shortHash } from './hash';
import { MODEL_VERSION } from './model-version';
import { formatThreads } from './numbers';
import { MAX_QUERY_SCENARIO_CHARS, type RunLink } from './run-link-types';
import { encodeScenario } from './scenario-code';

export const LINK_FORMAT = '2';

/** The checksum covers everything after the format version, in this order, so a changed or cut link is noticed. */
export function checksum(model: string, scenario: string, threads: string, index: string): string {
  return shortHash(`${model}|${scenario}|${threads}|${index}`, 5);
}

/**
 * `?v=2&m=<model>&s=<scenario id>&t=<threads, dot-separated>&i=<step shown>&c=<checksum>`; an edited scenario
 * replaces `s` with `x=<compressed JSON>`, in the fragment when it is long (the fragment never reaches a server).
 */
export function encodeRunLink({ scenarioId, edited, schedule, index }: RunLink): string {
  const code = edited ? encodeScenario(edited) : null;
  const threads = formatThreads(schedule);
  const i = String(index);
  const c = checksum(MODEL_VERSION, code ?? scenarioId, threads, i);
  const query = new URLSearchParams({ v: LINK_FORMAT, m: MODEL_VERSION });
  const inFragment = code !== null && code.length > MAX_QUERY_SCENARIO_CHARS;
  if (code === null) query.set('s', scenarioId);
  else if (!inFragment) query.set('x', code);
  query.set('t', threads);
  query.set('i', i);
  query.set('c', c);
  return inFragment ? `?${query}#${new URLSearchParams({ x: code })}` : `?${query}`;
}

/** Whether `scenario` is the catalogue's scenario of the same id, so a link can name it instead of carrying it. */
export function isNamed(scenario: Scenario, catalog: readonly Scenario[]): boolean {
  const named = catalog.find((candidate) => candidate.id === scenario.id);
  return named !== undefined && (named === scenario || canonical(named) === canonical(scenario));
}

const texts = new WeakMap<Scenario, string>();
/** Scenarios are immutable, so each one's JSON is computed once. */
function canonical(scenario: Scenario): string {
  const known = texts.get(scenario);
  if (known !== undefined) return known;
  const text = JSON.stringify(scenario);
  texts.set(scenario, text);
  return text;
}

/** The link for a run of `scenario`, naming it when the catalogue has it unchanged. */
export function linkFor(scenario: Scenario, schedule: number[], index: number, catalog: readonly Scenario[]): RunLink {
  return isNamed(scenario, catalog)
    ? { scenarioId: scenario.id, schedule, index }
    : { scenarioId: scenario.id, edited: scenario, schedule, index };
}
