import { useState } from 'react';
import { encodeOwnTour, readOwnTourJson } from '../../tour/own/own-link';
import { OWN_LIMITS, type OwnStop, type OwnTour } from '../../tour/own/own-tour';
import { encodeRunLink } from '../../url/encode';
import { useServices } from '../AppContext';
import { downloadJson } from '../export/download';
import { situationOf } from '../history/situation';
import { JsonFileInput } from '../JsonFileInput';
import { downloadHandout, pageBase } from './handout-download';
import { keepOwnTour, recallOwnTour } from './kept-tour';
import { openOwnStop } from './open-own';
import { StopEditor } from './StopEditor';
import { stopTitle } from './stop-title';
import './own.css';

/** Tour files larger than this are refused before they are read (the door caps the text at 64 K characters). */
const MAX_TOUR_FILE_BYTES = 256 * 1024;
const EMPTY: OwnTour = { format: 1, title: '', stops: [] };

/** Builds a tour of one's own: steps from any scenario, a note each, in order; plays, shares, exports it. */
export default function TourBuilder({ onClose }: { onClose: () => void }) {
  const { store, controller, catalog } = useServices();
  const [tour, setTourNow] = useState<OwnTour>(() => recallOwnTour() ?? EMPTY);
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const setTour = (next: OwnTour) => {
    setTourNow(next);
    setLink('');
    keepOwnTour(next);
  };
  const setStops = (stops: OwnStop[]) => setTour({ ...tour, stops });
  const scenarios = store.getState().scenarios;
  const addShown = () => {
    const run = situationOf(store.getState(), catalog);
    if (!run) return setNote('Wait for the step to finish, then add it.');
    if (tour.stops.length >= OWN_LIMITS.maxStops) return setNote(`A tour has at most ${OWN_LIMITS.maxStops} stops.`);
    setStops([...tour.stops, { run: encodeRunLink(run), note: '' }]);
    setNote(`Added stop ${tour.stops.length + 1}.`);
  };
  const move = (i: number, delta: -1 | 1) => {
    const stops = [...tour.stops];
    const [taken] = stops.splice(i, 1);
    if (taken) stops.splice(i + delta, 0, taken);
    setStops(stops);
  };
  const share = async () => {
    const text = encodeOwnTour(tour);
    if (!text) return setNote('This tour is too long for a link: export the JSON file instead.');
    const url = `${pageBase()}${text}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setNote('Link to the tour copied.');
    } catch {
      setNote('Copy the link below.');
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_TOUR_FILE_BYTES)
      return setNote(`The file is ${file.size} bytes; a tour file is at most ${MAX_TOUR_FILE_BYTES}.`);
    const read = readOwnTourJson(await file.text());
    if (read.status !== 'ok') return setNote(read.status === 'error' ? read.error : 'The file holds no tour.');
    setTour(read.tour);
    setNote(`Imported ${JSON.stringify(file.name.slice(0, 60))}.`);
  };
  const empty = tour.stops.length === 0;
  return (
    <section className="own-builder" aria-label="Tour builder">
      <p className="own-hint">
        Go to a step in the stepper (any scenario, built-in or edited), come back and add it; write a note for each
        stop. Notes are plain text with *emphasis*, `code` and [links](https://…) to https addresses.
      </p>
      <label className="own-field">
        Tour title
        <input
          value={tour.title}
          maxLength={OWN_LIMITS.maxTitle}
          onChange={(event) => setTour({ ...tour, title: event.target.value })}
        />
      </label>
      <div className="own-actions">
        <button type="button" onClick={addShown}>
          Add the step shown
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() => {
            onClose();
            void openOwnStop(store, controller, catalog, tour, 0);
          }}
        >
          Play the tour
        </button>
        <button type="button" disabled={empty} onClick={() => void share()}>
          Copy a link to the tour
        </button>
        <button type="button" disabled={empty} onClick={() => downloadHandout(tour, catalog)}>
          Markdown handout
        </button>
        <button type="button" disabled={empty} onClick={() => downloadJson('ringside-tour.json', tour)}>
          Export JSON file
        </button>
        <JsonFileInput label="Import a tour file" className="own-import" onFile={(file) => void importFile(file)} />
      </div>
      <p role="status" className="own-status">
        {note}
      </p>
      {link ? (
        <input
          className="own-link"
          readOnly
          aria-label="Link to the tour"
          value={link}
          onFocus={(e) => e.target.select()}
        />
      ) : null}
      {empty ? <p className="own-hint">No stop yet.</p> : null}
      <ol className="own-stops" aria-label="Stops">
        {tour.stops.map((stop, i) => (
          <StopEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: stops are identified by their position in the tour.
            key={i}
            stop={stop}
            index={i}
            count={tour.stops.length}
            title={stopTitle(stop.run, scenarios.length > 0 ? scenarios : catalog)}
            onChange={(changed) => setStops(tour.stops.map((s, j) => (j === i ? changed : s)))}
            onMove={(delta) => move(i, delta)}
            onRemove={() => setStops(tour.stops.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
    </section>
  );
}
