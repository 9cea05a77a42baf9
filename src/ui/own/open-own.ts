import type { Scenario } from '../../core/types';
import type { Controller } from '../../state/controller';
import type { AppStoreApi } from '../../state/store';
import { decodeOwnTour, encodeOwnTour } from '../../tour/own/own-link';
import type { OwnTour } from '../../tour/own/own-tour';
import { decode } from '../../url/decode';
import { openRunLink } from '../history/open-link';
import { ownStopOf } from './own-stop-link';

/** Opens stop `index` of `tour`: its run at its step, then the stop's note; a stop that cannot open says why. */
export async function openOwnStop(
  store: AppStoreApi,
  controller: Controller,
  catalog: readonly Scenario[],
  tour: OwnTour,
  index: number,
): Promise<void> {
  const stop = tour.stops[index];
  if (!stop) return;
  store.getState().setTourChapter(null);
  const decoded = decode(stop.run, catalog);
  if (decoded.status === 'ok') await openRunLink(store, controller, catalog, decoded.link);
  else
    store
      .getState()
      .showError(
        `Stop ${index + 1} cannot be opened: ${decoded.status === 'error' ? decoded.error : 'it names no run.'}`,
      );
  const playing = store.getState().ownTour;
  const link = playing?.tour === tour ? playing.link : encodeOwnTour(tour);
  store.getState().setOwnTour({ tour, stop: index, link });
}

/** Opens an own-tour link's text at the stop it names (the first by default); else the sentence saying why not. */
export async function openOwnTourText(
  store: AppStoreApi,
  controller: Controller,
  catalog: readonly Scenario[],
  text: string,
): Promise<true | string> {
  const read = decodeOwnTour(text);
  if (read.status !== 'ok')
    return `This tour link cannot be opened. ${read.status === 'error' ? read.error : 'It names no tour.'}`;
  const stop = Math.max(0, Math.min(ownStopOf(text), read.tour.stops.length - 1));
  await openOwnStop(store, controller, catalog, read.tour, stop);
  return true;
}
