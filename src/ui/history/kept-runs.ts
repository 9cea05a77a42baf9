import type { Scenario } from '../../core/types';
import { MAX_SAVED_RUNS, type SavedRun } from '../../state/runs-slice';
import type { AppStoreApi } from '../../state/store';
import { decode } from '../../url/decode';
import { MAX_LINK_CHARS } from '../../url/run-link-types';
import { keep, recall } from '../storage/kept';
import { stringListShape } from '../storage/kept-shapes';
import { MAX_KEPT_CHARS } from '../storage/kept-text';
import { runTitle } from './situation';

export const RUNS_KEY = 'ringside.earlier-runs.v1';

/** The earlier runs kept from another visit: each href read back through the link decoder, broken ones dropped. */
export function recallRuns(catalog: readonly Scenario[]): SavedRun[] {
  const hrefs = recall(RUNS_KEY, stringListShape(MAX_SAVED_RUNS, MAX_LINK_CHARS)) ?? [];
  return hrefs.flatMap((href) => {
    const decoded = decode(href, catalog);
    return decoded.status === 'ok' ? [{ href, link: decoded.link, title: runTitle(decoded.link, catalog) }] : [];
  });
}

/** Newest first, as many hrefs as fit in one kept value. */
function fitting(runs: readonly SavedRun[]): string[] {
  const hrefs: string[] = [];
  let size = 2;
  for (const run of runs) {
    size += run.href.length + 3;
    if (size > MAX_KEPT_CHARS) break;
    hrefs.push(run.href);
  }
  return hrefs;
}

/** Restores the kept runs into the store, then keeps the list whenever it changes, so a reload loses none. */
export function keepRuns(store: AppStoreApi, catalog: readonly Scenario[]): () => void {
  const kept = recallRuns(catalog);
  if (kept.length > 0 && store.getState().savedRuns.length === 0) store.setState({ savedRuns: kept });
  let last = store.getState().savedRuns;
  return store.subscribe((s) => {
    if (s.savedRuns === last) return;
    last = s.savedRuns;
    keep(RUNS_KEY, fitting(s.savedRuns));
  });
}
