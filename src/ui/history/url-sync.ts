import type { Scenario } from '../../core/types';
import type { Controller } from '../../state/controller';
import type { AppStore, AppStoreApi } from '../../state/store';
import { withTourChapter } from '../../tour/tour-link';
import { encodeRunLink } from '../../url/encode';
import type { RunLink } from '../../url/run-link-types';
import { isEmbedMode, withEmbed } from '../export/embed';
import { ownTourHref } from '../own/own-stop-link';
import { isPresenterLink, withPresenter } from '../presenter/presenter-link';
import { openLinkText } from './open-link';
import { isBranch, runTitle, situationOf } from './situation';

/** The part of `window` the sync uses, so tests can give it their own. */
export interface Browser {
  location: { search: string; hash: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener: (type: 'popstate', listener: () => void) => void;
  removeEventListener: (type: 'popstate', listener: () => void) => void;
}

export const REPLACE_DELAY_MS = 200;

export interface UrlSyncOptions {
  store: AppStoreApi;
  controller: Controller;
  catalog: readonly Scenario[];
  defaultId: string;
  browser: Browser;
}

/**
 * Keeps the address bar equal to the run shown: a new history entry for another run (scenario, branch, finding),
 * the same entry replaced while stepping; Back, Forward and reload reopen what the entry names.
 */
export function startUrlSync({ store, controller, catalog, defaultId, browser }: UrlSyncOptions): () => void {
  let shown: { link: RunLink; href: string; run: number } | null = null;
  let restoring = 0;
  // A page opened in embed mode stays in it: every address written keeps `embed=1`.
  const embed = isEmbedMode(browser.location.search);
  // While a tour of one's own plays, the address is the tour's link at its stop, so a reload keeps the player.
  const hrefOf = (link: RunLink, s: AppStore) => {
    const own = s.ownTour ? ownTourHref(s.ownTour) : null;
    return withPresenter(withEmbed(own ?? withTourChapter(encodeRunLink(link), s.tourChapter), embed), s.presenter);
  };

  const write = (href: string, push: boolean) => {
    try {
      if (push) browser.history.pushState(null, '', href);
      else browser.history.replaceState(null, '', href);
    } catch {
      // Browsers may refuse to write history too often; the next change writes it again.
    }
  };
  // While stepping or playing, the entry is rewritten at most every REPLACE_DELAY_MS, with the latest step.
  let replacing: ReturnType<typeof setTimeout> | undefined;
  let replaceHref = '';
  const flush = () => {
    if (replacing === undefined) return;
    clearTimeout(replacing);
    replacing = undefined;
    write(replaceHref, false);
  };
  const update = (href: string, push: boolean) => {
    if (push) {
      flush();
      return write(href, true);
    }
    replaceHref = href;
    replacing ??= setTimeout(flush, REPLACE_DELAY_MS);
  };
  let seen: unknown[] = [];
  const sync = () => {
    const s = store.getState();
    // Most store changes (exploration progress, play flags) leave the run alone: skip them cheaply.
    const inputs = [s.states, s.schedule, s.index, s.pending, s.run, s.tourChapter, s.presenter, s.ownTour];
    if (inputs.every((value, i) => value === seen[i])) return;
    seen = inputs;
    const link = restoring > 0 ? null : situationOf(s, catalog);
    if (!link) return;
    const href = hrefOf(link, s);
    if (shown?.href === href) return;
    const push = shown !== null && (s.run !== shown.run || isBranch(shown.link.schedule, link.schedule));
    const left = shown;
    shown = { link, href, run: s.run };
    update(href, push);
    // Saving notifies subscribers again, so `shown` is already up to date here.
    if (push && left) s.saveRun({ href: left.href, link: left.link, title: runTitle(left.link, s.scenarios) });
  };
  const restore = async () => {
    // Presenter mode is the page's, not the run's: the entry opened (a reload, Back, Forward) says whether it is on.
    store.getState().setPresenter(isPresenterLink(browser.location.search));
    restoring++;
    try {
      await openLinkText(store, controller, catalog, defaultId, browser.location.search + browser.location.hash);
    } finally {
      restoring--;
    }
    const s = store.getState();
    const link = situationOf(s, catalog);
    if (link && restoring === 0) {
      const href = hrefOf(link, s);
      flush();
      if (href !== browser.location.search + browser.location.hash) write(href, false);
      shown = { link, href, run: s.run };
    }
  };
  const onPopState = () => {
    // The entry has already changed: a rewrite still pending belongs to the entry left, so it is dropped.
    clearTimeout(replacing);
    replacing = undefined;
    void restore();
  };
  const unsubscribe = store.subscribe(sync);
  browser.addEventListener('popstate', onPopState);
  void restore();
  return () => {
    flush();
    unsubscribe();
    browser.removeEventListener('popstate', onPopState);
  };
}
