import { useCallback, useId, useMemo } from 'react';
import { useAppSelector, useServices } from '../AppContext';
import { Prediction } from '../tour/Prediction';
import { useTourKeys } from '../tour/useTourKeys';
import { downloadHandout } from './handout-download';
import { NoteText } from './NoteText';
import { openOwnStop } from './open-own';
import { stepOf, stopTitle } from './stop-title';
import '../tour/tour.css';

/** A tour of one's own, played like the guided tour: its stop, the lecturer's note, an optional question. */
export default function OwnTourPanel() {
  const { store, controller, catalog } = useServices();
  const play = useAppSelector((s) => s.ownTour);
  const shown = useAppSelector((s) => s.index);
  const atStep = useAppSelector((s) => s.states[s.index] ?? null);
  const nextThread = useAppSelector((s) => s.schedule[s.index]);
  const id = useId();
  const move = useCallback(
    (delta: 1 | -1) => {
      const current = store.getState().ownTour;
      if (!current) return;
      const next = current.stop + delta;
      if (next >= 0 && next < current.tour.stops.length)
        void openOwnStop(store, controller, catalog, current.tour, next);
    },
    [store, controller, catalog],
  );
  useTourKeys(play !== null, move);
  const stop = play ? play.tour.stops[play.stop] : undefined;
  const stopStep = useMemo(() => (stop ? stepOf(stop.run, catalog) : null), [stop, catalog]);
  const hold = useCallback(
    (on: boolean) => {
      const s = store.getState();
      // The stop's own run: its scenario is the one loaded when the stop opened, held at the stop's step.
      s.setPredictionHold(on && stopStep !== null ? { scenarioId: s.scenarioId, step: stopStep } : null);
    },
    [store, stopStep],
  );
  if (!play || !stop) return null;
  const { tour } = play;
  const last = tour.stops.length - 1;
  return (
    <section className="tour own-tour" aria-labelledby={`${id}-title`}>
      <p className="tour-count">
        Your tour · stop {play.stop + 1} of {tour.stops.length}
      </p>
      <h2 id={`${id}-title`}>{tour.title || 'A tour of one’s own'}</h2>
      <h3>{stopTitle(stop.run, catalog)}</h3>
      <NoteText note={stop.note} />
      {stop.predict ? (
        <Prediction
          key={`${play.stop}-${stop.run}`}
          chapter={{ step: stopStep ?? 0, predict: stop.predict }}
          state={shown === stopStep ? atStep : null}
          nextThread={nextThread}
          scoreText=""
          onOutcome={() => {}}
          reveal={() => void controller.stepForward()}
          hold={hold}
        />
      ) : null}
      <nav className="tour-nav" aria-label="Tour stops">
        <button type="button" onClick={() => move(-1)} disabled={play.stop === 0} aria-keyshortcuts="PageUp">
          Previous stop
        </button>
        <button type="button" onClick={() => move(1)} disabled={play.stop === last} aria-keyshortcuts="PageDown">
          Next stop
        </button>
        <button type="button" onClick={() => downloadHandout(tour, catalog)}>
          Markdown handout
        </button>
        <button type="button" onClick={() => store.getState().setOwnTour(null)}>
          Close the tour
        </button>
      </nav>
      <p className="tour-muted">Page Down and Page Up move between stops; the arrow keys still step.</p>
    </section>
  );
}
