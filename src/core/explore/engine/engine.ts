import { ChainWalker, chainSchedule, MAX_LINKS } from '../reduction/chains';
import { type ChunkPool, encodedLevel, type Level, objectLevel } from './frontier';
import { IntWriter } from './int-writer';
import { LevelRing } from './level-ring';
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
import { stateLookup } from './state-lookup';
import { exactVisitedSet, hashedVisitedSet } from './visited-set';

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
  /** Stored state the finding's steps start from (or, for a stuck state, the state itself). */
  from: number;
  /** The steps from `from` to the one that caused it (a thread, then chain steps), or none for a stuck state. */
  path: number[];
  /** Steps in the whole schedule. */
  length: number;
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
  // spin4: levels take their arena chunks from the level ring's pool (frontier.ts, ChunkPool).
  const makeLevel = (pool: ChunkPool): Level<S> =>
    machine.decode && !options.objectFrontier ? encodedLevel(machine.decode, pool) : objectLevel<S>();
  const found = new Map<string, Pending>();
  const errors: ExploreResult['errors'] = [];
  const w = new IntWriter();
  let transitions = 0;
  let depth = 0;
  let peakLevelBytes = 0;
  let status: ExploreStatus = 'complete';
  let boundReached = `the bound of ${maxStates} states`;
  const { maxStoreBytes = Number.POSITIVE_INFINITY, sliceMs } = options;
  const storeBytes = () => visited.bytes + parents.bytes + queue.bytes;
  let sliceEnds = sliceMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + sliceMs;
  /** The chain being followed from the state being expanded: its thread, then its chain steps. */
  const path: number[] = [];
  // A chain's steps reach deeper than the next level, so a kind keeps its shortest schedule found, not its first.
  const note = (finding: StepFinding, from: number, steps: number) => {
    const known = found.get(finding.kind);
    if (known && known.length <= depth + steps) return;
    found.set(finding.kind, { finding, from, path: path.slice(0, steps), length: depth + steps });
  };
  let chainFrom = 0;
  const noteChain = (finding: StepFinding, steps: number) => note(finding, chainFrom, steps);
  const stopRequested = () => options.signal?.aborted === true || options.shouldStop?.() === true;
  const ampleSets = options.por === false ? undefined : machine.ampleSets?.bind(machine);
  // By the machine's key when it has one (not with `exact`): a successor is encoded only when it is new.
  const lookup = stateLookup(machine, visited, w);
  const chains = options.chains === false || !ampleSets ? null : new ChainWalker(machine, ampleSets, lookup);
  // The levels to expand; with the reduction, their keys too, for the cycle proviso (docs/partial-order.md, C3).
  const queue = new LevelRing<S>(
    chains ? MAX_LINKS + 2 : 2,
    makeLevel,
    ampleSets !== undefined,
    options.exact === true,
  );
  let deepest = 0;
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
    path[0] = t;
    const result = machine.step(state, t);
    transitions++;
    if (!result.ok) {
      errors.push({ schedule: [...fullSchedule(from), t], error: result.error });
      return SEEN_OR_VISIBLE;
    }
    const visible = result.findings.length > 0;
    for (const f of result.findings) note(f, from, 1);
    let reached = result.state;
    let links = 0;
    let stored = false;
    if (chains) {
      // Chains (docs/partial-order.md): through states that are unstored and reduce to one step, without storing.
      chainFrom = from;
      chains.walk(reached, path, noteChain);
      ({ state: reached, links, endsStored: stored } = chains);
      transitions += chains.steps;
      if (chains.error)
        errors.push({ schedule: [...fullSchedule(from), ...path.slice(0, links + 2)], error: chains.error });
    }
    // A chain that ends at a stored state leaves its key (or encoding) for the cycle proviso.
    if (stored || !lookup.add(reached)) {
      return !visible && queue.queuedAfter(w, depth) ? NEXT_INVISIBLE : SEEN_OR_VISIBLE;
    }
    if (parents.size >= maxStates) {
      status = 'bound';
      return BOUND;
    }
    deepest = Math.max(deepest, depth + 1 + links);
    queue.push(depth + 1 + links, reached, w, parents.push(from, t, links));
    if (parents.size % progressEvery === 0) progressDue = true;
    return visible ? SEEN_OR_VISIBLE : NEXT_INVISIBLE;
  };

  const init = machine.init();
  lookup.add(init);
  queue.push(0, init, w, parents.push(-1, 0));

  search: for (; queue.size > 0; depth++) {
    const level = queue.at(depth);
    queue.begin(depth);
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
        for (const f of machine.stuck(state)) note(f, from, 0);
      }
      // Indexed loops: an array iterator held across a yield is allocated per state in this generator.
      for (let k = 0; k < threads.length; k++) outcome[threads[k] as number] = -1;
      let reduced = false;
      if (ampleSets && threads.length > 1) {
        // Partial-order reduction: a persistent set whose steps are invisible and stay in the next level stands
        // for every enabled step (conditions C0 to C3).
        const candidates = ampleSets(state, threads);
        for (let c = 0; c < candidates.length; c++) {
          const ample = candidates[c] as readonly number[];
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
    peakLevelBytes = Math.max(peakLevelBytes, queue.bytes);
    queue.end(depth);
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
    depth: deepest,
    ms,
    findings: [...found.values()].map((p) => counterexample(p, fullSchedule(p.from))),
    errors,
    storeBytes: visited.bytes + parents.bytes + peakLevelBytes,
  };

  /** The schedule to stored state `id`, chain steps included (replayed: they are not stored). */
  function fullSchedule(id: number): number[] {
    const threads = parents.schedule(id);
    if (!parents.chained || !ampleSets) return threads;
    return chainSchedule(machine, ampleSets, threads, parents.linksOf(id));
  }

  function progressOf(states: number, transitions: number, depth: number): ExploreProgress {
    return { states, transitions, depth, ms: performance.now() - started };
  }
}

function counterexample(p: Pending, prefix: readonly number[]): Counterexample {
  return counterexampleOf(p.finding, [...prefix, ...p.path]);
}

/** A finding reached by `schedule`, as a search reports it (its step is the schedule's last). */
export function counterexampleOf({ kind, severity, message }: StepFinding, schedule: number[]): Counterexample {
  return { kind, severity, step: Math.max(0, schedule.length - 1), schedule, message };
}

/** A search's closing sentence; `boundReached` names the bound an incomplete search met. */
export function messageOf(status: ExploreStatus, states: number, boundReached: string, reduced: boolean): string {
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
