import { describe, expect, it } from 'vitest';
import { chapters } from './chapters';
import { readAnswers, recordAnswer, SCORE_KEY, type ScoreStorage, scoreOf } from './score';

const memory = (initial: string | null = null): ScoreStorage & { text: string | null } => ({
  text: initial,
  getItem() {
    return this.text;
  },
  setItem(_key, value) {
    this.text = value;
  },
});
const throwing: ScoreStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};
const first = chapters[0]?.id ?? '';
const second = chapters[1]?.id ?? '';

describe('the tour score in localStorage', () => {
  it('records an outcome per chapter, replaces a second answer, and reads it back', () => {
    const storage = memory();
    let answers = recordAnswer(storage, {}, first, 'wrong');
    answers = recordAnswer(storage, answers, second, 'skipped');
    answers = recordAnswer(storage, answers, first, 'right');
    expect(scoreOf(answers)).toEqual({ right: 1, wrong: 0, skipped: 1 });
    expect(readAnswers(storage)).toEqual(answers);
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['unknown chapters and outcomes', JSON.stringify({ nope: 'right', [first]: 'perfect' })],
    ['a huge value', JSON.stringify({ [first]: 'right', pad: 'x'.repeat(10_000) })],
  ])('corrupt storage (%s) reads as no answers', (_, text) => {
    expect(readAnswers(memory(text))).toEqual({});
  });

  it('unavailable storage never throws: reading gives none and answers still count for the visit', () => {
    expect(readAnswers(null)).toEqual({});
    expect(readAnswers(throwing)).toEqual({});
    expect(scoreOf(recordAnswer(throwing, {}, first, 'right'))).toEqual({ right: 1, wrong: 0, skipped: 0 });
  });

  it('keeps the known part of a partly valid record', () => {
    const storage = memory(JSON.stringify({ [first]: 'right', [second]: 42 }));
    expect(readAnswers(storage)).toEqual({ [first]: 'right' });
    expect(SCORE_KEY).toMatch(/^ringside\./);
  });
});
