import type { Controller } from '../state/controller';
import type { AppStoreApi } from '../state/store';
import type { RunLink } from '../url/run-link-types';

/** Replays a run of a scenario the picker already lists (explorer findings, matrix cells) and shows its step. */
export async function openRun(store: AppStoreApi, controller: Controller, link: RunLink): Promise<void> {
  await controller.loadScenario(link.scenarioId, link.schedule);
  store.getState().jumpTo(link.index);
}
