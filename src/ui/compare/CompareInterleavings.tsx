import { lazy, Suspense, useId, useState } from 'react';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';
import { formatSchedule } from './parse-schedule';
import './compare.css';

// The comparison loads when it is first opened, so that it stays out of the first-load JavaScript.
const CompareBody = lazy(() => import('./CompareBody'));

/** The scenario under two schedules on one timeline: A starts as the run shown, B as the scenario's story. */
export function CompareInterleavings() {
  const { store } = useServices();
  const scenario = useAppSelector(selectCurrentScenario);
  const [open, setOpen] = useState(false);
  const [textA, setTextA] = useState('');
  const [textB, setTextB] = useState('');
  const id = useId();
  const onToggle = () => {
    if (!open && scenario) {
      setTextA(formatSchedule(store.getState().schedule));
      setTextB(formatSchedule(scenario.story));
    }
    setOpen(!open);
  };
  return (
    <section className="compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="compare-title">
        <button type="button" aria-expanded={open} onClick={onToggle}>
          Compare two schedules
        </button>
      </h2>
      {open && scenario ? (
        <Suspense fallback={<p className="compare-hint">Loading the comparison…</p>}>
          <CompareBody
            id={id}
            scenario={scenario}
            textA={textA}
            textB={textB}
            setTextA={setTextA}
            setTextB={setTextB}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
