import { describe, expect, it } from 'vitest';
import { fixtureAfterHazard, fixtureEvent, fixtureInitial, fixtureScenario } from '../ui/test-fixtures';
import { createAppStore, selectAtEnd, selectCurrentEvent, selectCurrentScenario, selectCurrentState } from './store';

const at = (time: number) => ({ ...fixtureInitial, time });
const event = (step: number, thread: number) => fixtureEvent({ step, thread });

function storeWithHistory(length: number) {
  const store = createAppStore();
  const states = Array.from({ length: length + 1 }, (_, i) => at(i));
  const events = Array.from({ length }, (_, i) => event(i, i % 2));
  store.getState().loadRun(states, events);
  return store;
}

describe('playback slice', () => {
  it('loads a run at its start and derives the schedule from the events', () => {
    const store = storeWithHistory(3);
    const s = store.getState();
    expect(s.index).toBe(0);
    expect(s.schedule).toEqual([0, 1, 0]);
    expect(selectCurrentState(s)?.time).toBe(0);
    expect(selectCurrentEvent(s)).toBeUndefined();
  });

  it('steps back and forward within the recorded history and clamps at both ends', () => {
    const store = storeWithHistory(3);
    const { stepForward, stepBack } = store.getState();
    stepBack();
    expect(store.getState().index).toBe(0);
    stepForward();
    stepForward();
    expect(selectCurrentEvent(store.getState())?.step).toBe(1);
    stepForward();
    stepForward();
    expect(store.getState().index).toBe(3);
    expect(selectAtEnd(store.getState())).toBe(true);
    stepBack();
    expect(selectCurrentState(store.getState())?.time).toBe(2);
  });

  it('jumps to the start, the end and any step', () => {
    const store = storeWithHistory(5);
    store.getState().jumpToEnd();
    expect(store.getState().index).toBe(5);
    store.getState().jumpTo(2);
    expect(store.getState().index).toBe(2);
    store.getState().jumpTo(99);
    expect(store.getState().index).toBe(5);
    store.getState().jumpToStart();
    expect(store.getState().index).toBe(0);
  });

  it('appending after a step back truncates the future like undo history', () => {
    const store = storeWithHistory(4);
    store.getState().jumpTo(1);
    store.getState().appendSteps(1, [fixtureAfterHazard], [event(1, 1)]);
    const s = store.getState();
    expect(s.states).toHaveLength(3);
    expect(s.events).toHaveLength(2);
    expect(s.schedule).toEqual([0, 1]);
    expect(s.index).toBe(2);
    expect(selectCurrentState(s)).toBe(fixtureAfterHazard);
  });

  it('bumps the run counter and stops playing when a new run is loaded', () => {
    const store = storeWithHistory(2);
    const before = store.getState().run;
    store.getState().play();
    store.getState().loadRun([fixtureInitial], []);
    expect(store.getState().run).toBe(before + 1);
    expect(store.getState().playing).toBe(false);
  });

  it('toggles play and clamps the speed', () => {
    const store = createAppStore();
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(true);
    store.getState().pause();
    expect(store.getState().playing).toBe(false);
    store.getState().setSpeed(100);
    expect(store.getState().speed).toBe(8);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(0.5);
  });
});

describe('scenario and ui slices', () => {
  it('selects only known scenarios', () => {
    const store = createAppStore();
    store.getState().setScenarios([fixtureScenario], fixtureScenario.id);
    store.getState().selectScenario('nope');
    expect(selectCurrentScenario(store.getState())?.id).toBe(fixtureScenario.id);
  });

  it('counts pending requests and keeps an error message until cleared', () => {
    const store = createAppStore();
    store.getState().beginRequest();
    store.getState().beginRequest();
    store.getState().endRequest();
    expect(store.getState().pending).toBe(1);
    store.getState().showError('boom');
    expect(store.getState().error).toBe('boom');
    store.getState().clearError();
    expect(store.getState().error).toBeNull();
    store.getState().setWorkerStatus('fallback');
    expect(store.getState().workerStatus).toBe('fallback');
  });
});
