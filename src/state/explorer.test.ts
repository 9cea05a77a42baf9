import { describe, expect, it, vi } from 'vitest';
import type { ExploreResult } from '../core/explore/engine/machine';
import { fixtureScenario } from '../ui/test-fixtures';
import type { SimClient } from '../worker/client';
import type { ExploreCall } from '../worker/explore-client';
import { BROWSER_MAX_STATES, BROWSER_MAX_STORE_BYTES, createExplorer } from './explorer';
import { createAppStore } from './store';

const other = { ...fixtureScenario, id: 'other' };

/** A client whose single exploration is settled by hand. */
function fakeClient() {
  const cancel = vi.fn();
  let finish: (result: ExploreResult) => void = () => {};
  const calls: ExploreCall[] = [];
  const explore = vi.fn((call: ExploreCall) => {
    calls.push(call);
    return { result: new Promise<ExploreResult>((resolve) => (finish = resolve)), cancel };
  });
  const client = { explore } as unknown as SimClient;
  return { client, calls, cancel, finish: (result: ExploreResult) => finish(result) };
}

const result = { status: 'complete', complete: true, states: 3, findings: [] } as unknown as ExploreResult;

function setup() {
  const store = createAppStore();
  store.getState().setScenarios([fixtureScenario, other], fixtureScenario.id);
  const fake = fakeClient();
  const explorer = createExplorer(store, fake.client);
  return { store, explorer, ...fake };
}

describe('explorer', () => {
  it('explores the current scenario with the browser bound, showing progress then the result', async () => {
    const { store, explorer, calls, finish } = setup();
    explorer.start();
    expect(calls[0]).toMatchObject({
      scenario: fixtureScenario,
      maxStates: BROWSER_MAX_STATES,
      maxStoreBytes: BROWSER_MAX_STORE_BYTES,
    });
    calls[0]?.onProgress({ states: 10, transitions: 12, depth: 2, ms: 1 });
    expect(store.getState().exploration).toMatchObject({ phase: 'running', progress: { states: 10 } });
    finish(result);
    await Promise.resolve();
    expect(store.getState().exploration).toEqual({ phase: 'done', scenarioId: fixtureScenario.id, result });
  });

  it('cancels the run and forgets it when another scenario is selected, ignoring its late answer', async () => {
    const { store, explorer, cancel, finish } = setup();
    const stopWatching = explorer.watchScenario();
    explorer.start();
    store.getState().selectScenario(other.id);
    expect(cancel).toHaveBeenCalled();
    finish(result);
    await Promise.resolve();
    expect(store.getState().exploration).toEqual({ phase: 'idle' });
    stopWatching();
  });

  it('keeps the results when the same scenario is reloaded (opening a finding)', () => {
    const { store, explorer, cancel } = setup();
    const stopWatching = explorer.watchScenario();
    explorer.start();
    store.getState().selectScenario(fixtureScenario.id);
    expect(cancel).not.toHaveBeenCalled();
    expect(store.getState().exploration.phase).toBe('running');
    stopWatching();
    expect(cancel).toHaveBeenCalled();
  });
});
