import { withExtraParam } from '../url/extra-param';
import { chapterIds } from './chapter-ids';

/** The link's own parameter: outside the run's checksum, like `embed`, so links without it decode as before. */
export const TOUR_PARAM = 'tour';
const CHAPTER_ID = /^[a-z0-9-]{1,64}$/;

/** `href` (a run link's query and fragment) naming tour chapter `index` too; unchanged when `index` is null. */
export function withTourChapter(href: string, index: number | null): string {
  const id = index === null ? undefined : chapterIds[index];
  return id ? withExtraParam(href, TOUR_PARAM, id) : href;
}

/** Which chapter a link's text names, or null (no `tour`, an unknown chapter, unreadable text); never throws. */
export function tourChapterOf(text: string): number | null {
  try {
    const cut = String(text).indexOf('#');
    const id = new URLSearchParams(cut < 0 ? text : text.slice(0, cut)).get(TOUR_PARAM);
    if (id === null || !CHAPTER_ID.test(id)) return null;
    const index = (chapterIds as readonly string[]).indexOf(id);
    return index < 0 ? null : index;
  } catch {
    return null;
  }
}
