import type { Scenario } from '../core/types';
import { encodeRunLink } from '../url/encode';
import type { RunLink } from '../url/run-link-types';
import { type Chapter, chapters } from './chapters';

/** The link's own parameter: outside the run's checksum, like `embed`, so links without it decode as before. */
export const TOUR_PARAM = 'tour';
const CHAPTER_ID = /^[a-z0-9-]{1,64}$/;

/** The chapter's run: the scenario's story, shown at the chapter's step. */
export function chapterRun(chapter: Chapter, catalog: readonly Scenario[]): RunLink | null {
  const scenario = catalog.find((s) => s.id === chapter.scenarioId);
  if (!scenario || chapter.step > scenario.story.length) return null;
  return { scenarioId: scenario.id, schedule: [...scenario.story], index: chapter.step };
}

/** `href` (a run link's query and fragment) naming tour chapter `index` too; unchanged when `index` is null. */
export function withTourChapter(href: string, index: number | null): string {
  const chapter = index === null ? undefined : chapters[index];
  if (!chapter) return href;
  const cut = href.indexOf('#');
  const query = cut < 0 ? href : href.slice(0, cut);
  const fragment = cut < 0 ? '' : href.slice(cut);
  return `${query}${query.includes('?') ? '&' : '?'}${TOUR_PARAM}=${chapter.id}${fragment}`;
}

/** The link that opens tour chapter `index`, or null when its scenario is missing from the catalogue. */
export function chapterHref(index: number, catalog: readonly Scenario[]): string | null {
  const chapter = chapters[index];
  const run = chapter ? chapterRun(chapter, catalog) : null;
  return run ? withTourChapter(encodeRunLink(run), index) : null;
}

/** Which chapter a link's text names, or null (no `tour`, an unknown chapter, unreadable text); never throws. */
export function tourChapterOf(text: string): number | null {
  try {
    const cut = String(text).indexOf('#');
    const id = new URLSearchParams(cut < 0 ? text : text.slice(0, cut)).get(TOUR_PARAM);
    if (id === null || !CHAPTER_ID.test(id)) return null;
    const index = chapters.findIndex((chapter) => chapter.id === id);
    return index < 0 ? null : index;
  } catch {
    return null;
  }
}
