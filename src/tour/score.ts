import { type DoorAnswer, openStoredJson } from '../core/guard/door';
import { UNTRUSTED_LIMITS } from '../core/guard/limits';
import type { Json } from '../core/guard/problem';
import { chapters } from './chapters';

export type Outcome = 'right' | 'wrong' | 'skipped';
/** The reader's last outcome per chapter id; answering again replaces it. */
export type Answers = Readonly<Record<string, Outcome>>;

export interface Score {
  right: number;
  wrong: number;
  skipped: number;
}

export const SCORE_KEY = 'ringside.tour.answers.v1';
const OUTCOMES: readonly string[] = ['right', 'wrong', 'skipped'];
/** The stored answers are a few hundred characters; more is not ours. */
const STORED_LIMITS = { ...UNTRUSTED_LIMITS, maxTextLength: 4000 };

/** The part of `Storage` the score uses, so tests can hand in a broken one. */
export type ScoreStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Stored answers, keeping only known chapters and outcomes: missing, corrupt or unavailable storage gives none. */
export function readAnswers(storage: ScoreStorage | null): Answers {
  const stored = openStoredJson(storage, SCORE_KEY, answersOf, STORED_LIMITS);
  return stored.ok ? stored.value : {};
}

/** The typed check of stored answers: an object; unknown chapters and outcomes are dropped. */
function answersOf(parsed: Json): DoorAnswer<Answers> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, message: 'answers: expected an object.' };
  const answers: Record<string, Outcome> = {};
  for (const chapter of chapters) {
    const value = Object.hasOwn(parsed, chapter.id) ? parsed[chapter.id] : undefined;
    if (typeof value === 'string' && OUTCOMES.includes(value)) answers[chapter.id] = value as Outcome;
  }
  return { ok: true, value: answers };
}

/** The answers with `outcome` for `chapterId`, saved when storage allows it (a full or refused store is ignored). */
export function recordAnswer(storage: ScoreStorage | null, answers: Answers, chapterId: string, outcome: Outcome) {
  const next: Answers = { ...answers, [chapterId]: outcome };
  try {
    storage?.setItem(SCORE_KEY, JSON.stringify(next));
  } catch {
    // Private browsing or a full quota: the score still counts for this visit.
  }
  return next;
}

export function scoreOf(answers: Answers): Score {
  const values = Object.values(answers);
  const count = (outcome: Outcome) => values.filter((value) => value === outcome).length;
  return { right: count('right'), wrong: count('wrong'), skipped: count('skipped') };
}

/** `window.localStorage`, or null where reading it throws (sandboxed iframes, disabled storage). */
export function browserStorage(): ScoreStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
