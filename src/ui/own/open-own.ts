import type { Scenario } from '../../core/types';
import type { Controller } from '../../state/controller';
import type { AppStoreApi } from '../../state/store';
import { decodeOwnTour } from '../../tour/own/own-link';
import type { OwnTour } from '../../tour/own/own-tour';
import { decode } from '../../url/decode';
import { openRunLink } from '../history/open-link';

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
  store.getState().setOwnTour({ tour, stop: index });
}

/** Opens an own-tour link's text at its first stop; otherwise the sentence saying why it cannot be opened. */
export async function openOwnTourText(
  store: AppStoreApi,
  controller: Controller,
  catalog: readonly Scenario[],
  text: string,
): Promise<true | string> {
  const read = decodeOwnTour(text);
  if (read.status !== 'ok')
    return `This tour link cannot be opened. ${read.status === 'error' ? read.error : 'It names no tour.'}`;
  await openOwnStop(store, controller, catalog, read.tour, 0);
  return true;
}
