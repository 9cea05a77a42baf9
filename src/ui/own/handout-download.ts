import type { Scenario } from '../../core/types';
import { ownTourHandout } from '../../tour/own/handout';
import { encodeOwnTour } from '../../tour/own/own-link';
import type { OwnTour } from '../../tour/own/own-tour';
import { downloadBlob } from '../export/download';

/** The page's address without query or fragment: links in the handout start here. */
export const pageBase = () => `${window.location.origin}${window.location.pathname}`;

/** Downloads the tour's Markdown handout (title, each stop's scenario, step, note and link). */
export function downloadHandout(tour: OwnTour, catalog: readonly Scenario[]) {
  const text = ownTourHandout(tour, catalog, pageBase(), encodeOwnTour(tour));
  const name =
    (tour.title || 'tour')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'tour';
  downloadBlob(`ringside-${name}.md`, new Blob([text], { type: 'text/markdown' }));
}
