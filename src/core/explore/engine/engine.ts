import { encodedLevel, type Level, objectLevel } from './frontier';
import { IntWriter } from './int-writer';
import type {
  Counterexample,
  ExploreOptions,
  ExploreProgress,
  ExploreResult,
  ExploreStatus,
  Machine,
  StepFinding,
} from './machine';
import { ParentLog } from './parent-log';
import { exactVisitedSet, hashedVisitedSet, levelKeySet } from './visited-set';

export const DEFAULT_MAX_STATES = 2_000_000;
const CHECK_STOP_EVERY = 512;

/**
 * What expanding one thread gave: the bound was hit, a finding or a state found before this level, or no finding
 * and a state of the next level (new, or found earlier while expanding this level).
 */
const BOUND = 0;
const SEEN_OR_VISIBLE = 1;
const NEXT_INVISIBLE = 2;
type Expansion = typeof BOUND | typeof SEEN_OR_VISIBLE | typeof NEXT_INVISIBLE;

interface Pending {
  finding: StepFinding;
  /** State the finding's last step starts from (or, for a stuck state, the state itself). */
  from: number;
  /** Thread of the last step, or -1 when the finding belongs to a stuck state. */
  thread: number;
  step: number;
}

/**
 * Breadth-first exploration of every interleaving: each distinct state is expanded once, and because states are
 * expanded in order of distance from the initial state, the first time a finding kind appears is on a shortest
 * schedule to it.
 */
export function explore<S>(machine: Machine<S>, options: ExploreOptions = {}): ExploreResult {
  const run = exploreSteps(machine, options);
  let r = run.next();
  while (!r.done) r = run.next();
  return r.value;
}

/**
 * The same search as a generator that pauses after every progress report, so that a worker can take messages
 * (such as a cancel that sets `signal.aborted`) between slices; its return value is the result.
 */
export function* exploreSteps<S>(
  machine: Machine<S>,
  options: ExploreOptions = {},
): Generator<ExploreProgress, ExploreResult, void> {
  const started = performance.now();
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const progressEvery = options.progressEvery ?? 100_000;
  // A time-sliced run sizes its table for the bound up front: a rehash is one step no slice can split.
  const slots = options.sliceMs === undefined ? undefined : 2 * maxStates + 2;
  const visited = options.exact ? exactVisitedSet() : hashedVisitedSet(slots);
  const parents = new ParentLog();
  const makeLevel = (): Level<S> =>
    machine.decode && !options.objectFrontier ? encodedLevel(machine.decode) : objectLevel<S>();
  let level = makeLevel();
  let next = makeLevel();
  const found = new Map<string, Pending>();
  const errors: ExploreResult['errors'] = [];
  const w = new IntWriter();
  let transitions = 0;
  let depth = 0;
  let peakLevelBytes = 0;
  let status: ExploreStatus = 'complete';
  let boundReached = `the bound of ${maxStates} states`;
  const { maxStoreBytes = Number.POSITIVE_INFINITY, sliceMs } = options;
  const storeBytes = () => visited.bytes + parents.bytes + level.bytes + next.bytes;
  let sliceEnds = sliceMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + sliceMs;
  const note = (finding: StepFinding, from: number, thread: number, step: number) => {
    if (!found.has(finding.kind)) found.set(finding.kind, { finding, from, thread, step });
  };
  const stopRequested = () => options.signal?.aborted === true || options.shouldStop?.() === true;
  const ampleSets = options.por === false ? undefined : machine.ampleSets?.bind(machine);
  // The next level's keys, for the cycle proviso (docs/partial-order.md, C3): kept only when reducing.
  const nextKeys = ampleSets ? levelKeySet(options.exact === true) : undefined;
  // The machine's own key, when it has one, spares encoding and hashing every successor (hashed sets only).
  const keyOf = options.exact || !visited.addKey ? undefined : machine.key?.bind(machine);
  const addKey = keyOf ? visited.addKey : undefined;
  /** Per thread of the state being expanded: its outcome once stepped, or -1. */
  const outcome: number[] = [];
  let progressDue = false;
  const emitProgress = () => {
    progressDue = false;
    const progress = progressOf(parents.size, transitions, depth + 1);
    options.onProgress?.(progress);
    return progress;
  };
  /** Steps `t` from `state`, notes its findings and queues its successor if new; says which of the three it was. */
  const expand = (state: S, from: number, t: number): Expansion => {
    const result = machine.step(state, t);
    transitions++;
    if (!result.ok) {
      errors.push({ schedule: [...parents.schedule(from), t], error: result.error });
      return SEEN_OR_VISIBLE;
    }
    for (const f of result.findings) note(f, from, t, depth);
    if (keyOf) keyOf(result.state);
    else {
      w.reset();
      machine.encode(result.state, w);
    }
    if (!(addKey ? addKey() : visited.add(w))) {
      if (result.findings.length > 0 || !nextKeys) return SEEN_OR_VISIBLE;
      return (keyOf ? nextKeys.hasKey?.() : nextKeys.has(w)) ? NEXT_INVISIBLE : SEEN_OR_VISIBLE;
    }
    if (parents.size >= maxStates) {
      status = 'bound';
      return BOUND;
    }
    if (keyOf) {
      w.reset();
      machine.encode(result.state, w);
      nextKeys?.addKey?.();
    } else nextKeys?.add(w);
    next.push(result.state, w, parents.push(from, t));
    if (parents.size % progressEvery === 0) progressDue = true;
    return result.findings.length === 0 ? NEXT_INVISIBLE : SEEN_OR_VISIBLE;
  };

  const init = machine.init();
  machine.encode(init, w);
  if (keyOf) keyOf(init);
  if (addKey) addKey();
  else visited.add(w);
  level.push(init, w, parents.push(-1, 0));

  search: while (level.size > 0) {
    for (let i = 0, size = level.size; i < size; i++) {
      if (i % CHECK_STOP_EVERY === 0 && stopRequested()) {
        status = 'cancelled';
        break search;
      }
      if (i % CHECK_STOP_EVERY === 0 && storeBytes() > maxStoreBytes) {
        status = 'bound';
        boundReached = `the memory bound of ${bytesInWords(maxStoreBytes)}`;
        break search;
      }
      if (sliceMs !== undefined && performance.now() >= sliceEnds) {
        yield progressOf(parents.size, transitions, depth + 1);
        sliceEnds = performance.now() + sliceMs;
      }
      const from = level.id(i);
      const state = level.state(i, depth);
      const threads = machine.enabled(state);
      if (threads.length === 0 && machine.stuck) {
        for (const f of machine.stuck(state)) note(f, from, -1, Math.max(0, depth - 1));
      }
      // Indexed loops: an array iterator held across a yield is allocated per state in this generator.
      for (let k = 0; k < threads.length; k++) outcome[threads[k] as number] = -1;
      let reduced = false;
      if (ampleSets && threads.length > 1) {
        // Partial-order reduction: a persistent set whose steps are invisible and stay in the next level stands
        // for every enabled step (conditions C0 to C3).
        for (const ample of ampleSets(state, threads)) {
          let qualifies = true;
          for (let k = 0; k < ample.length; k++) {
            const t = ample[k] as number;
            if (outcome[t] === -1) {
              outcome[t] = expand(state, from, t);
              if (outcome[t] === BOUND) break search;
              if (progressDue) yield emitProgress();
            }
            if (outcome[t] !== NEXT_INVISIBLE) {
              qualifies = false;
              break;
            }
          }
          if (qualifies) {
            reduced = true;
            break;
          }
        }
      }
      if (reduced) continue;
      for (let k = 0; k < threads.length; k++) {
        const t = threads[k] as number;
        if (outcome[t] !== -1) continue;
        if (expand(state, from, t) === BOUND) break search;
        if (progressDue) yield emitProgress();
      }
    }
    peakLevelBytes = Math.max(peakLevelBytes, level.bytes + next.bytes + (nextKeys?.bytes ?? 0));
    if (next.size === 0) break;
    [level, next] = [next, level];
    next.clear();
    nextKeys?.clear();
    depth++;
  }

  const ms = performance.now() - started;
  const states = parents.size;
  return {
    status,
    complete: status === 'complete',
    message: messageOf(status, states, boundReached, ampleSets !== undefined),
    reduced: ampleSets !== undefined,
    states,
    transitions,
    depth: next.size > 0 && status !== 'complete' ? depth + 1 : depth,
    ms,
    findings: [...found.values()].map((p) => counterexample(p, parents)),
    errors,
    storeBytes: visited.bytes + parents.bytes + peakLevelBytes,
  };

  function progressOf(states: number, transitions: number, depth: number): ExploreProgress {
    return { states, transitions, depth, ms: performance.now() - started };
  }
}

function counterexample(p: Pending, parents: ParentLog): Counterexample {
  const prefix = parents.schedule(p.from);
  const schedule = p.thread < 0 ? prefix : [...prefix, p.thread];
  const { kind, severity, message } = p.finding;
  return { kind, severity, step: p.step, schedule, message };
}

function messageOf(status: ExploreStatus, states: number, boundReached: string, reduced: boolean): string {
  if (status === 'bound') return `incomplete after ${states} states: ${boundReached} was reached`;
  if (status === 'cancelled') return `cancelled after ${states} states`;
  if (reduced) {
    return `complete: every interleaving explored up to the order of independent steps (partial-order reduction), ${states} distinct states`;
  }
  return `complete: every interleaving explored, ${states} distinct states`;
}

/** A byte bound as a message says it: whole megabytes, or bytes below one (a bound of 1 byte is not "0 MB"). */
export function bytesInWords(bytes: number): string {
  return bytes < 2 ** 20 ? `${bytes} bytes` : `${Math.round(bytes / 2 ** 20)} MB`;
}
