import { withExtraParam } from '../../url/extra-param';

/** Presenter mode's link parameter: outside the run's checksum, like `embed` and `tour`. */
export const PRESENTER_PARAM = 'presenter';

/** Does a link's query (`?…`) ask for presenter mode? Never throws. */
export function isPresenterLink(search: string): boolean {
  try {
    return new URLSearchParams(search).get(PRESENTER_PARAM) === '1';
  } catch {
    return false;
  }
}

/** `href` (a run link's query and fragment) still in presenter mode when `on`; unchanged otherwise. */
export function withPresenter(href: string, on: boolean): string {
  return on ? withExtraParam(href, PRESENTER_PARAM, '1') : href;
}
