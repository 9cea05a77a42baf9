import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../core/types';
import { createController } from '../state/controller';
import { createExplorer } from '../state/explorer';
import { type AppStoreApi, createAppStore } from '../state/store';
import { createWorkerClient, type SimClient } from '../worker/client';
import { createPrefetchingClient } from '../worker/prefetch';
import { AppContext } from './AppContext';
import { ErrorBoundary } from './ErrorBoundary';
import { keepRuns } from './history/kept-runs';
import { openLinkText } from './history/open-link';
import { startUrlSync } from './history/url-sync';
import { pickNextThread } from './playback/pick';
import { Stepper } from './Stepper';

export interface AppProps {
  /** Injected simulation (tests, main-thread mode); without it the app starts a worker. */
  client?: SimClient;
  scenarios: readonly Scenario[];
  initialScenarioId: string;
  /** A shared link's text (query and fragment) to open instead of the initial scenario's start. */
  linkText?: string;
  /** Keep the address bar in step with the run (Back, Forward, reload); the page sets it, tests mostly do not. */
  syncUrl?: boolean;
}

/** Owns the worker for the app's lifetime: created in an effect, terminated by that effect's cleanup. */
function useSimClient(store: AppStoreApi, injected: SimClient | undefined): SimClient | null {
  const [client, setClient] = useState<SimClient | null>(injected ?? null);
  useEffect(() => {
    if (injected) {
      store.getState().setWorkerStatus(injected.runsOnMainThread ? 'main-thread' : 'worker');
      setClient(injected);
      return;
    }
    const created = createPrefetchingClient(
      createWorkerClient({
        onFallback: () => store.getState().setWorkerStatus('fallback'),
        onRecover: () => store.getState().setWorkerStatus('worker'),
      }),
      pickNextThread,
    );
    if (!created.runsOnMainThread) store.getState().setWorkerStatus('worker');
    setClient(created);
    return () => created.terminate();
  }, [store, injected]);
  return client;
}

export function App({ client: injected, scenarios, initialScenarioId, linkText = '', syncUrl = false }: AppProps) {
  const [store] = useState(createAppStore);
  const client = useSimClient(store, injected);
  const controller = useMemo(() => (client ? createController(store, client, pickNextThread) : null), [store, client]);
  const explorer = useMemo(() => (client ? createExplorer(store, client) : null), [store, client]);
  useEffect(() => explorer?.watchScenario(), [explorer]);
  // Only the page (syncUrl) keeps earlier runs across visits; tests start from nothing.
  useEffect(() => (syncUrl ? keepRuns(store, scenarios) : undefined), [syncUrl, store, scenarios]);

  useEffect(() => {
    if (!controller) return;
    const catalog = { store, controller, catalog: scenarios, defaultId: initialScenarioId };
    if (syncUrl) return startUrlSync({ ...catalog, browser: window });
    void openLinkText(store, controller, scenarios, initialScenarioId, linkText);
  }, [controller, store, scenarios, initialScenarioId, linkText, syncUrl]);

  if (!controller || !explorer || !client) return <p className="loading">Starting the simulation…</p>;
  return (
    <ErrorBoundary>
      <AppContext.Provider value={{ store, controller, explorer, client, catalog: scenarios }}>
        <Stepper />
      </AppContext.Provider>
    </ErrorBoundary>
  );
}
