import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../state/store';
import { encodeRunLink } from '../../url/encode';
import { fixtureScenario } from '../test-fixtures';
import { keepRuns, RUNS_KEY } from './kept-runs';

const catalog = [fixtureScenario];
const runLink = { scenarioId: fixtureScenario.id, schedule: [0, 1], index: 2 };

afterEach(() => window.localStorage.clear());

describe('earlier runs survive a reload', () => {
  it('keeps the list in storage and restores it into a new store', () => {
    const first = createAppStore();
    const stop = keepRuns(first, catalog);
    first.getState().saveRun({ href: encodeRunLink(runLink), link: runLink, title: 'a run' });
    stop();
    const second = createAppStore();
    keepRuns(second, catalog);
    expect(second.getState().savedRuns).toMatchObject([{ href: encodeRunLink(runLink), link: runLink }]);
  });

  it('drops kept entries that are not links, and ignores a corrupt list', () => {
    window.localStorage.setItem(RUNS_KEY, JSON.stringify(['?v=zz&s=nope', encodeRunLink(runLink)]));
    const store = createAppStore();
    keepRuns(store, catalog);
    expect(store.getState().savedRuns.map((r) => r.href)).toEqual([encodeRunLink(runLink)]);
    window.localStorage.setItem(RUNS_KEY, '{"not":"a list"}');
    const other = createAppStore();
    keepRuns(other, catalog);
    expect(other.getState().savedRuns).toEqual([]);
  });
});
