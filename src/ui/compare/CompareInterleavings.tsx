import { useEffect, useId, useMemo, useState } from 'react';
import { threadNames } from '../../core';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';
import { Overlay } from '../overlay/Overlay';
import { forget, keep, recall } from '../storage/kept';
import { schedulePairShape } from '../storage/kept-shapes';
import { CompareTimeline } from './CompareTimeline';
import { compareRuns } from './compare-runs';
import { divergenceText, outcomeText } from './compare-text';
import { formatSchedule, parseSchedule } from './parse-schedule';
import './compare.css';

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
  const names = useMemo(() => (scenario ? threadNames(scenario) : []), [scenario]);
  const { parsedA, parsedB, comparison } = useMemo(() => {
    const threads = scenario ? threadNames(scenario).length : 0;
    const a = parseSchedule(textA, threads);
    const b = parseSchedule(textB, threads);
    const result = scenario && a.ok && b.ok ? compareRuns(scenario, a.schedule, b.schedule) : null;
    return { parsedA: a, parsedB: b, comparison: result };
  }, [scenario, textA, textB]);
  const onOpen = () => {
    if (!typed && scenario) {
      setTextA(formatSchedule(store.getState().schedule));
      setTextB(formatSchedule(scenario.story));
    }
    setOpen(true);
  };
  const sentences = comparison
    ? [divergenceText(comparison, names), outcomeText('A', comparison.a, names), outcomeText('B', comparison.b, names)]
    : [];
  return (
    <section className="compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="compare-title">
        <button type="button" aria-haspopup="dialog" onClick={onOpen}>
          Compare two schedules
        </button>
      </h2>
      {open && scenario ? (
        <Overlay title="Compare two schedules" open onClose={() => setOpen(false)}>
          <div className="compare-body">
            <p className="compare-hint">
              Thread numbers in the order they run ({names.map((name, i) => `${i + 1} = ${name}`).join(', ')}).
            </p>
            {(
              [
                ['A', textA, setTextA, parsedA],
                ['B', textB, setTextB, parsedB],
              ] as const
            ).map(([name, text, setText, parsed]) => (
              <label key={name} className="compare-input">
                Schedule {name}
                <input
                  value={text}
                  onChange={(e) => {
                    setTyped(true);
                    setText(e.target.value);
                  }}
                  aria-invalid={!parsed.ok}
                  aria-describedby={parsed.ok ? undefined : `${id}-error-${name}`}
                />
                {parsed.ok ? null : (
                  <span id={`${id}-error-${name}`} className="compare-error">
                    {parsed.error}
                  </span>
                )}
              </label>
            ))}
            {comparison ? (
              <>
                <CompareTimeline comparison={comparison} label={sentences.join(' ')} />
                <ul className="compare-summary" aria-label="How the two schedules differ" aria-live="polite">
                  {sentences.map((sentence) => (
                    <li key={sentence}>{sentence}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <button
              type="button"
              onClick={() => {
                setTyped(false);
                forget(COMPARE_KEY);
                setTextA(formatSchedule(store.getState().schedule));
                setTextB(formatSchedule(scenario.story));
              }}
            >
              Start again from the run shown and the story
            </button>
          </div>
        </Overlay>
      ) : null}
    </section>
  );
}
