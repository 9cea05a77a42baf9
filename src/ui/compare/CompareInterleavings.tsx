import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';
import { Overlay } from '../overlay/Overlay';
import { forget, keep, recall } from '../storage/kept';
import { schedulePairShape } from '../storage/kept-shapes';
import { formatSchedule } from './parse-schedule';
import './compare.css';

// The comparison loads when it is first opened, so that it stays out of the first-load JavaScript.
const CompareBody = lazy(() => import('./CompareBody'));

/** The two schedules typed last, kept across closing the dialog and reloading the page. */
export const COMPARE_KEY = 'ringside.compare-schedules.v1';

/**
 * The scenario under two schedules on one timeline, in a dialog: A starts as the run shown, B as the scenario's
 * story, unless the reader typed schedules before (they are kept).
 */
export function CompareInterleavings() {
  const { store } = useServices();
  const scenario = useAppSelector(selectCurrentScenario);
  const [open, setOpen] = useState(false);
  const [kept] = useState(() => recall(COMPARE_KEY, schedulePairShape));
  const [textA, setTextA] = useState(kept?.a ?? '');
  const [textB, setTextB] = useState(kept?.b ?? '');
  const [typed, setTyped] = useState(kept !== null);
  useEffect(() => {
    if (typed) keep(COMPARE_KEY, { a: textA, b: textB });
  }, [typed, textA, textB]);
  const id = useId();
  const startFromRun = () => {
    if (!scenario) return;
    setTextA(formatSchedule(store.getState().schedule));
    setTextB(formatSchedule(scenario.story));
  };
  const onOpen = () => {
    if (!typed) startFromRun();
    setOpen(true);
  };
  const typedText = (set: (text: string) => void) => (text: string) => {
    setTyped(true);
    set(text);
  };
  return (
    <section className="compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="compare-title">
        <button type="button" aria-haspopup="dialog" onClick={onOpen}>
          Compare two schedules
        </button>
      </h2>
      {open && scenario ? (
        <Overlay title="Compare two schedules" open onClose={() => setOpen(false)}>
          <Suspense fallback={<p className="compare-hint">Loading the comparison…</p>}>
            <CompareBody
              id={id}
              scenario={scenario}
              textA={textA}
              textB={textB}
              setTextA={typedText(setTextA)}
              setTextB={typedText(setTextB)}
            />
          </Suspense>
          <button
            type="button"
            onClick={() => {
              setTyped(false);
              forget(COMPARE_KEY);
              startFromRun();
            }}
          >
            Start again from the run shown and the story
          </button>
        </Overlay>
      ) : null}
    </section>
  );
}
