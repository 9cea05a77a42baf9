import type { Scenario } from '../../core/types';
import type { Controller } from '../../state/controller';
import type { AppStoreApi } from '../../state/store';
import { chapterRun } from '../../tour/chapter-run';
import { chapters } from '../../tour/chapters';
import { openRunLink } from '../history/open-link';

/** Replays chapter `index`'s run and opens the chapter; the run first, so history keeps the previous chapter's link. */
export async function openChapter(
  store: AppStoreApi,
  controller: Controller,
  catalog: readonly Scenario[],
  index: number,
): Promise<void> {
  const chapter = chapters[index];
  const run = chapter ? chapterRun(chapter, catalog) : null;
  if (!run) return;
  await openRunLink(store, controller, catalog, run);
  store.getState().setOwnTour(null);
  store.getState().setTourChapter(index);
}
