import { enabledThreads, step, threadNames } from '../core';
import { explore } from '../core/explore/engine/engine';
import { ringsideMachine } from '../core/explore/ringside/ringside';
import type { HazardKind, State } from '../core/types';

/** What a chapter asks before its next step; the answer is always read from the model, never written down. */
export type Prediction =
  | { kind: 'next-thread'; hazard: HazardKind }
  | { kind: 'refcount'; ringPage: number }
  | { kind: 'dirty'; ringPage: number };

export interface Choice {
  value: string;
  label: string;
}

export interface Question {
  prompt: string;
  choices: Choice[];
  /** Every value that is right (for next-thread, each thread after whose step the hazard is still reachable). */
  answers: string[];
  /** One sentence naming what the model does, shown once the reader has answered or skipped. */
  explanation: string;
}

/** States explored from each candidate next step; built-in scenarios need a few hundred. */
const SEARCH_BOUND = 20_000;

function hazardReachable(from: State, hazard: HazardKind): boolean {
  const machine = { ...ringsideMachine(from.scenario), init: () => from };
  const result = explore(machine, { maxStates: SEARCH_BOUND });
  return result.findings.some((f) => f.kind === hazard);
}

function frameBehind(state: State, ringPage: number): number | undefined {
  return state.ptes[ringPage]?.frame;
}

function nextThreadQuestion(state: State, hazard: HazardKind): Question | null {
  const names = threadNames(state.scenario);
  const ready = enabledThreads(state);
  const answers = ready.filter((t) => {
    const next = step(state, t);
    return next.ok && (next.event.findings.some((f) => f.kind === hazard) || hazardReachable(next.state, hazard));
  });
  if (ready.length < 2 || answers.length === 0) return null;
  const nameOf = (t: number) => names[t] ?? `thread ${t + 1}`;
  const kind = hazard.replace(/-/g, ' ');
  return {
    prompt: `Which thread must run next for the ${kind} to remain possible?`,
    choices: ready.map((t) => ({ value: String(t), label: nameOf(t) })),
    answers: answers.map(String),
    explanation: `Searching every interleaving from here, the ${kind} stays reachable only if ${answers.map(nameOf).join(' or ')} runs next.`,
  };
}

function frameQuestion(state: State, prediction: Prediction & { ringPage: number }, next: State): Question | null {
  const frame = frameBehind(state, prediction.ringPage);
  const before = frame === undefined ? undefined : state.frames[frame];
  const after = frame === undefined ? undefined : next.frames[frame];
  if (!before || !after) return null;
  if (prediction.kind === 'dirty')
    return {
      prompt: `After the next step, will PG_dirty be set on frame #${frame} (ring page ${prediction.ringPage})?`,
      choices: [
        { value: 'set', label: 'PG_dirty set' },
        { value: 'clear', label: 'PG_dirty clear' },
      ],
      answers: [after.dirty ? 'set' : 'clear'],
      explanation: `After the step, frame #${frame}'s PG_dirty is ${after.dirty ? 'set' : 'clear'}.`,
    };
  const values = [...new Set([0, 1, 2, 3, before.refcount, after.refcount])].sort((x, y) => x - y);
  return {
    prompt: `After the next step, what will frame #${frame}'s refcount be (ring page ${prediction.ringPage})?`,
    choices: values.map((v) => ({ value: String(v), label: String(v) })),
    answers: [String(after.refcount)],
    explanation: `After the step, frame #${frame}'s refcount is ${after.refcount} (it was ${before.refcount}).`,
  };
}

/**
 * The question for `state`, whose next step in the chapter's run is `nextThread`; null when the model gives no
 * sensible question there (a test keeps every chapter's question non-null).
 */
export function questionAt(state: State, nextThread: number, prediction: Prediction): Question | null {
  if (prediction.kind === 'next-thread') return nextThreadQuestion(state, prediction.hazard);
  const next = step(state, nextThread);
  return next.ok ? frameQuestion(state, prediction, next.state) : null;
}
