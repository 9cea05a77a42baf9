import type { OwnTourPlay } from '../../state/tour-slice';
import { withExtraParam } from '../../url/extra-param';
import { MAX_LINK_CHARS } from '../../url/run-link-types';

/** The stop shown (1-based), outside the tour link's checksum like `embed`, so a reload reopens that stop. */
export const OWN_STOP_PARAM = 'stop';
const STOP = /^[1-9][0-9]{0,2}$/;

/** The address of the tour being played, at its stop; null when the tour has no link (too long for one). */
export function ownTourHref({ link, stop }: OwnTourPlay): string | null {
  const href = link === null ? null : withExtraParam(link, OWN_STOP_PARAM, String(stop + 1));
  return href !== null && href.length <= MAX_LINK_CHARS ? href : null;
}

/** The stop (0-based) an own-tour link's text names: its `stop` parameter, else the first. Never throws. */
export function ownStopOf(text: string): number {
  try {
    const cut = String(text).indexOf('#');
    const stop = new URLSearchParams(cut < 0 ? text : text.slice(0, cut)).get(OWN_STOP_PARAM);
    return stop !== null && STOP.test(stop) ? Number(stop) - 1 : 0;
  } catch {
    return 0;
  }
}
