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
const MAX_STORED_CHARS = 4000;

/** The part of `Storage` the score uses, so tests can hand in a broken one. */
export type ScoreStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Stored answers, keeping only known chapters and outcomes: missing, corrupt or unavailable storage gives none. */
export function readAnswers(storage: ScoreStorage | null): Answers {
  try {
    const text = storage?.getItem(SCORE_KEY);
    if (!text || text.length > MAX_STORED_CHARS) return {};
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const answers: Record<string, Outcome> = {};
    for (const chapter of chapters) {
      const value: unknown = Object.hasOwn(parsed, chapter.id) ? Reflect.get(parsed, chapter.id) : undefined;
      if (typeof value === 'string' && OUTCOMES.includes(value)) answers[chapter.id] = value as Outcome;
    }
    return answers;
  } catch {
    return {};
  }
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
