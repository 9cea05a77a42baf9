import type { Scenario } from '../core/types';
import type { Controller } from '../state/controller';
import type { AppStoreApi } from '../state/store';
import type { DecodedLink, RunLink } from '../url/run-link';

/** Replays the link's scenario along its schedule and shows its step: shared links and explorer findings alike. */
export async function openRun(store: AppStoreApi, controller: Controller, link: RunLink): Promise<void> {
  await controller.loadScenario(link.scenarioId, link.schedule);
  store.getState().jumpTo(link.index);
}

/** Loads the shared link's run when it names a known scenario, else the initial scenario, saying why. */
export async function openStart(
  store: AppStoreApi,
  controller: Controller,
  scenarios: readonly Scenario[],
  initialScenarioId: string,
  link: DecodedLink | null,
): Promise<void> {
  const known = (id: string) => scenarios.some((scenario) => scenario.id === id);
  const fallbackId = known(initialScenarioId) ? initialScenarioId : (scenarios[0]?.id ?? '');
  const wanted = link?.ok && known(link.link.scenarioId) ? link.link : null;
  store.getState().setScenarios(scenarios, wanted?.scenarioId ?? fallbackId);
  if (wanted) return openRun(store, controller, wanted);
  await controller.loadScenario(fallbackId);
  if (link && !link.ok) store.getState().showError(`This link cannot be opened: ${link.error}`);
  else if (link?.ok) store.getState().showError(`The link names an unknown scenario "${link.link.scenarioId}".`);
}
