import type { Scenario } from '../core/types';
import { encodeRunLink } from '../url/encode';
import type { RunLink } from '../url/run-link-types';
import { type Chapter, chapters } from './chapters';
import { withTourChapter } from './tour-link';

/** The chapter's run: the scenario's story, shown at the chapter's step. */
export function chapterRun(chapter: Chapter, catalog: readonly Scenario[]): RunLink | null {
  const scenario = catalog.find((s) => s.id === chapter.scenarioId);
  if (!scenario || chapter.step > scenario.story.length) return null;
  return { scenarioId: scenario.id, schedule: [...scenario.story], index: chapter.step };
}

/** The link that opens tour chapter `index`, or null when its scenario is missing from the catalogue. */
export function chapterHref(index: number, catalog: readonly Scenario[]): string | null {
  const chapter = chapters[index];
  const run = chapter ? chapterRun(chapter, catalog) : null;
  return run ? withTourChapter(encodeRunLink(run), index) : null;
}
