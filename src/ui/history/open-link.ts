import type { Scenario } from '../../core/types';
import type { Controller } from '../../state/controller';
import type { AppStoreApi } from '../../state/store';
import { tourChapterOf } from '../../tour/tour-link';
import { decode } from '../../url/decode';
import type { RunLink } from '../../url/run-link-types';

/** Adds an edited scenario to the picker; one that would shadow a named scenario gets its own id. */
function ensureScenario(store: AppStoreApi, catalog: readonly Scenario[], edited: Scenario): string {
  const clash = catalog.some((s) => s.id === edited.id);
  const scenario = clash
    ? { ...edited, id: `${edited.id.slice(0, 57)}-edited`, title: `${edited.title} (edited)` }
    : edited;
  const others = store.getState().scenarios.filter((s) => s.id !== scenario.id);
  store.getState().setScenarios([...others, scenario], store.getState().scenarioId);
  return scenario.id;
}

/**
 * Replays the link's scenario along its schedule and shows its step. A schedule this model no longer accepts opens
 * at its longest valid prefix, naming the first step that fails.
 */
export async function openRunLink(
  store: AppStoreApi,
  controller: Controller,
  catalog: readonly Scenario[],
  link: RunLink,
): Promise<void> {
  const id = link.edited ? ensureScenario(store, catalog, link.edited) : link.scenarioId;
  await controller.loadScenario(id, link.schedule);
  const s = store.getState();
  const replayed = s.schedule.length;
  if (replayed < link.schedule.length && s.error)
    s.showError(`This run no longer replays: ${s.error} Showing the ${replayed} steps before it.`);
  store.getState().jumpTo(Math.min(link.index, replayed));
}

/** Opens what a link's text names: its run, the nearest valid run, or the default scenario, saying what was wrong. */
export async function openLinkText(
  store: AppStoreApi,
  controller: Controller,
  catalog: readonly Scenario[],
  defaultId: string,
  text: string,
): Promise<void> {
  const known = (id: string) => catalog.some((scenario) => scenario.id === id);
  const fallbackId = known(defaultId) ? defaultId : (catalog[0]?.id ?? '');
  if (store.getState().scenarios.length === 0) store.getState().setScenarios(catalog, fallbackId);
  // A tour of one's own: its code loads only when a link names one (a failed one falls through to the default).
  if (/[?&]own=/.test(text.split('#')[0] ?? '')) {
    const { openOwnTourText } = await import('../own/open-own');
    const opened = await openOwnTourText(store, controller, catalog, text);
    if (opened === true) return;
    await controller.loadScenario(fallbackId);
    store.getState().showError(`${opened} Showing the default scenario instead.`);
    return;
  }
  // Any other link (Back to a run before the tour, too) ends a tour of one's own, so its address leaves the bar.
  store.getState().setOwnTour(null);
  const decoded = decode(text, catalog);
  store.getState().setTourChapter(decoded.status === 'ok' ? tourChapterOf(text) : null);
  if (decoded.status === 'ok') {
    await openRunLink(store, controller, catalog, decoded.link);
    store.getState().showNotice(decoded.note ?? null);
    return;
  }
  if (decoded.status === 'error' && decoded.nearest) await openRunLink(store, controller, catalog, decoded.nearest);
  else await controller.loadScenario(fallbackId);
  if (decoded.status === 'error') {
    const shown = decoded.nearest ? 'the nearest run it names' : 'the default scenario';
    store.getState().showError(`This link cannot be opened as it is. ${decoded.error} Showing ${shown} instead.`);
  }
}
