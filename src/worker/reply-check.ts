import { escapeLine, excerpt } from '../core/excerpt';
import type { ExploreProgress, ExploreResult } from '../core/explore/engine/machine';
import type { State, StepEvent, ThreadStatus } from '../core/types';
import type { WorkerResponse } from './protocol';

/** The most characters of a worker's message the page shows (escaped, cut with the full length named). */
export const MAX_SHOWN_WORKER_MESSAGE = 300;
/** A longer message is not one the real worker writes (its messages are single sentences): the reply is refused. */
export const MAX_WORKER_MESSAGE = 4096;
/** A replay answers at most a link's 2,000 steps plus the start. */
export const MAX_REPLY_STATES = 2001;
/** Findings, refused steps and counterexample schedules in one result: far more than any exploration reports. */
const MAX_REPLY_LIST = 10_000;

/** A worker's reply after the typed check, or why it was refused (a replaced, stale or broken worker script). */
export type CheckedReply = { ok: true; reply: WorkerResponse } | { ok: false; reason: string };

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isId = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isList = (v: unknown, max = MAX_REPLY_LIST): v is unknown[] => Array.isArray(v) && v.length <= max;
const kindOf = (v: unknown) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);
const shown = (message: string) => escapeLine(message, MAX_SHOWN_WORKER_MESSAGE);
const refuse = (reason: string): CheckedReply => ({ ok: false, reason });
const isMessage = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_WORKER_MESSAGE;
const messageProblem = (v: unknown) =>
  typeof v === 'string' ? `an oversized message (${v.length} characters)` : 'a message that is not text';

/** Each field the reference state has, the reply's state has too, of the same kind (list, object, number...). */
function sameShape(value: unknown, reference: State): boolean {
  if (!isRec(value)) return false;
  return Object.entries(reference).every(([key, ref]) => ref === undefined || kindOf(value[key]) === kindOf(ref));
}

const isEvent = (v: unknown) =>
  isRec(v) &&
  isCount(v.step) &&
  isCount(v.thread) &&
  isCount(v.pc) &&
  isRec(v.instr) &&
  typeof v.detail === 'string' &&
  isList(v.findings) &&
  isRec(v.cost) &&
  isList(v.changed);

const isStatus = (v: unknown) =>
  isRec(v) && (v.state === 'ready' || v.state === 'done' || (v.state === 'blocked' && isMessage(v.reason)));

/** One status per thread of each state, each ready, done, or blocked with a reason (escaped and cut like messages). */
function checkStatuses(value: unknown, states: unknown[]): ThreadStatus[][] | null {
  if (!isList(value, states.length) || value.length !== states.length) return null;
  const threadsOf = (s: unknown) => (isRec(s) && Array.isArray(s.threads) ? s.threads.length : -1);
  const fine = value.every((list, i) => isList(list) && list.length === threadsOf(states[i]) && list.every(isStatus));
  if (!fine) return null;
  return (value as ThreadStatus[][]).map((list) =>
    list.map((status) => (status.state === 'blocked' ? { state: 'blocked', reason: shown(status.reason) } : status)),
  );
}

const isCounterexample = (v: unknown) =>
  isRec(v) && typeof v.kind === 'string' && isMessage(v.message) && isCount(v.step) && isList(v.schedule);

function checkResult(result: unknown): ExploreResult | null {
  if (!isRec(result) || !['complete', 'bound', 'cancelled'].includes(String(result.status))) return null;
  const numbers = ['states', 'transitions', 'depth', 'ms', 'storeBytes'].every((key) => isCount(result[key]));
  if (!numbers || typeof result.complete !== 'boolean' || typeof result.reduced !== 'boolean') return null;
  if (!isMessage(result.message) || !isList(result.findings) || !isList(result.errors)) return null;
  if (!result.findings.every(isCounterexample) || !(result.liveness === undefined || isRec(result.liveness)))
    return null;
  const findings = result.findings as ExploreResult['findings'];
  return {
    ...(result as unknown as ExploreResult),
    message: shown(result.message),
    findings: findings.map((f) => ({ ...f, message: shown(f.message) })),
  };
}

/**
 * The typed check of one worker reply, before anything reads it: `data` may be anything a replaced or stale script
 * posts (null, a missing field, a wrong type, a 100,000-character message). `reference` is a state the request
 * started from (a step's state, a replay's initial state): a result's states must have its shape. Messages are
 * refused over `MAX_WORKER_MESSAGE` characters, and escaped and cut to `MAX_SHOWN_WORKER_MESSAGE`
 * for the page. Never throws.
 */
export function checkReply(data: unknown, reference?: State): CheckedReply {
  try {
    if (!isRec(data) || typeof data.type !== 'string') return refuse('not a message object');
    if (data.type === 'ready') return { ok: true, reply: { type: 'ready' } };
    if (!isId(data.id)) return refuse(`a ${excerpt(data.type)} reply without a valid id`);
    const id = data.id as number;
    switch (data.type) {
      case 'result': {
        const { states, events, error } = data;
        if (!isList(states, MAX_REPLY_STATES) || states.length === 0) return refuse('a result without its states');
        if (!isList(events, states.length) || !events.every(isEvent)) return refuse('a result with malformed events');
        if (reference && !states.every((s) => sameShape(s, reference))) return refuse('a result with malformed states');
        if (error !== undefined && !isMessage(error)) return refuse(`a result with ${messageProblem(error)}`);
        const statuses = checkStatuses(data.statuses, states);
        if (!statuses) return refuse('a result with malformed thread statuses');
        const reply = {
          id,
          type: 'result' as const,
          states: states as State[],
          statuses,
          events: events as StepEvent[],
        };
        return { ok: true, reply: error === undefined ? reply : { ...reply, error: shown(error) } };
      }
      case 'error':
      case 'explore-error':
        if (!isMessage(data.message)) return refuse(`an ${data.type} reply with ${messageProblem(data.message)}`);
        return { ok: true, reply: { id, type: data.type, message: shown(data.message) } };
      case 'explore-progress': {
        const p = data.progress;
        const fine = isRec(p) && ['states', 'transitions', 'depth', 'ms'].every((key) => isCount(p[key]));
        if (!fine || !(p.phase === undefined || p.phase === 'liveness')) return refuse('malformed progress');
        return { ok: true, reply: { id, type: 'explore-progress', progress: p as unknown as ExploreProgress } };
      }
      case 'explore-result': {
        const result = checkResult(data.result);
        return result ? { ok: true, reply: { id, type: 'explore-result', result } } : refuse('a malformed result');
      }
      default:
        return refuse(`an unknown reply type ${excerpt(data.type)}`);
    }
  } catch {
    return refuse('a reply that could not be read');
  }
}
