import type { StateCreator } from 'zustand/vanilla';
import type { Scenario } from '../core/types';
import type { AppStore } from './store';

export interface ScenarioSlice {
  scenarios: readonly Scenario[];
  scenarioId: string;
  setScenarios: (scenarios: readonly Scenario[], selectedId: string) => void;
  selectScenario: (id: string) => void;
}

export const createScenarioSlice: StateCreator<AppStore, [], [], ScenarioSlice> = (set) => ({
  scenarios: [],
  scenarioId: '',
  setScenarios: (scenarios, selectedId) => set({ scenarios, scenarioId: selectedId }),
  selectScenario: (id) => set((s) => (s.scenarios.some((scenario) => scenario.id === id) ? { scenarioId: id } : {})),
});
