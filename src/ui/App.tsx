import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../core/types';
import { createController } from '../state/controller';
import { createExplorer } from '../state/explorer';
import { type AppStoreApi, createAppStore } from '../state/store';
import type { DecodedLink } from '../url/run-link';
import { createWorkerClient, type SimClient } from '../worker/client';
import { AppContext } from './AppContext';
import { ErrorBoundary } from './ErrorBoundary';
import { openStart } from './open-start';
import { pickNextThread } from './playback/pick';
import { Stepper } from './Stepper';

export interface AppProps {
  /** Injected simulation (tests, main-thread mode); without it the app starts a worker. */
  client?: SimClient;
  scenarios: readonly Scenario[];
  initialScenarioId: string;
  /** A shared link to open instead of the initial scenario's start. */
  link?: DecodedLink | null;
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
    const created = createWorkerClient({
      onFallback: () => store.getState().setWorkerStatus('fallback'),
      onRecover: () => store.getState().setWorkerStatus('worker'),
    });
    if (!created.runsOnMainThread) store.getState().setWorkerStatus('worker');
    setClient(created);
    return () => created.terminate();
  }, [store, injected]);
  return client;
}

export function App({ client: injected, scenarios, initialScenarioId, link = null }: AppProps) {
  const [store] = useState(createAppStore);
  const client = useSimClient(store, injected);
  const controller = useMemo(() => (client ? createController(store, client, pickNextThread) : null), [store, client]);
  const explorer = useMemo(() => (client ? createExplorer(store, client) : null), [store, client]);
  useEffect(() => explorer?.watchScenario(), [explorer]);

  useEffect(() => {
    if (controller) void openStart(store, controller, scenarios, initialScenarioId, link);
  }, [controller, store, scenarios, initialScenarioId, link]);

  if (!controller || !explorer) return <p className="loading">Starting the simulation…</p>;
  return (
    <ErrorBoundary>
      <AppContext.Provider value={{ store, controller, explorer }}>
        <Stepper />
      </AppContext.Provider>
    </ErrorBoundary>
  );
}
