import { type OwnTour, validateOwnTour } from '../../tour/own/own-tour';
import { forget, keep, recall } from '../storage/kept';

export const OWN_TOUR_KEY = 'ringside.own-tour.v1';

/** The tour being built, read back through the guarded door and the tour validator; null when none or broken. */
export const recallOwnTour = (): OwnTour | null =>
  recall(OWN_TOUR_KEY, (json) => {
    const checked = validateOwnTour(json);
    return checked.ok ? checked.tour : null;
  });

/** Keeps the tour being built (a tour without stops is not a tour: it is forgotten instead). */
export const keepOwnTour = (tour: OwnTour) => (tour.stops.length > 0 ? keep(OWN_TOUR_KEY, tour) : forget(OWN_TOUR_KEY));
