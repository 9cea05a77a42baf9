import { createContext, useContext } from 'react';
import type { Scenario } from '../core/types';
import type { Controller } from '../state/controller';
import type { Explorer } from '../state/explorer';
import { type AppStore, type AppStoreApi, useAppStore } from '../state/store';
import type { SimClient } from '../worker/client';

export interface AppServices {
  store: AppStoreApi;
  controller: Controller;
  explorer: Explorer;
  client: SimClient;
  /** The named scenarios a link can refer to by id; any other scenario travels inside the link. */
  catalog: readonly Scenario[];
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('Ringside components must be rendered inside <App>.');
  return services;
}

export function useAppSelector<T>(selector: (state: AppStore) => T): T {
  return useAppStore(useServices().store, selector);
}
