import { replay } from '../core';
import type { Scenario } from '../core/types';
import { chapters } from './chapters';
import { questionAt } from './predict';

/** The model's answer to a chapter's question, computed outside the page the way the panel computes it. */
export function modelAnswer(chapterId: string, scenarioOf: (id: string) => Scenario | undefined) {
  const chapter = chapters.find((c) => c.id === chapterId);
  const scenario = chapter ? scenarioOf(chapter.scenarioId) : undefined;
  if (!chapter?.predict || !scenario) throw new Error(chapterId);
  const state = replay(scenario, scenario.story).states[chapter.step];
  const next = scenario.story[chapter.step];
  if (!state || next === undefined) throw new Error(chapterId);
  const question = questionAt(state, next, chapter.predict);
  if (!question) throw new Error(chapterId);
  const label = (value: string) => question.choices.find((c) => c.value === value)?.label ?? value;
  const wrong = question.choices.find((c) => !question.answers.includes(c.value));
  return { prompt: question.prompt, right: label(question.answers[0] ?? ''), wrong: wrong?.label ?? '' };
}
