import { useId, useMemo, useState } from 'react';
import { threadNames } from '../../core';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';
import { CompareTimeline } from './CompareTimeline';
import { compareRuns } from './compare-runs';
import { divergenceText, outcomeText } from './compare-text';
import { formatSchedule, parseSchedule } from './parse-schedule';
import './compare.css';

/** The scenario under two schedules on one timeline: A starts as the run shown, B as the scenario's story. */
export function CompareInterleavings() {
  const { store } = useServices();
  const scenario = useAppSelector(selectCurrentScenario);
  const [open, setOpen] = useState(false);
  const [textA, setTextA] = useState('');
  const [textB, setTextB] = useState('');
  const id = useId();
  const names = useMemo(() => (scenario ? threadNames(scenario) : []), [scenario]);
  const { parsedA, parsedB, comparison } = useMemo(() => {
    const threads = scenario ? threadNames(scenario).length : 0;
    const a = parseSchedule(textA, threads);
    const b = parseSchedule(textB, threads);
    const result = scenario && a.ok && b.ok ? compareRuns(scenario, a.schedule, b.schedule) : null;
    return { parsedA: a, parsedB: b, comparison: result };
  }, [scenario, textA, textB]);
  const onToggle = () => {
    if (!open && scenario) {
      setTextA(formatSchedule(store.getState().schedule));
      setTextB(formatSchedule(scenario.story));
    }
    setOpen(!open);
  };
  const sentences = comparison
    ? [divergenceText(comparison, names), outcomeText('A', comparison.a, names), outcomeText('B', comparison.b, names)]
    : [];
  return (
    <section className="compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="compare-title">
        <button type="button" aria-expanded={open} onClick={onToggle}>
          Compare two schedules
        </button>
      </h2>
      {open && scenario ? (
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
                onChange={(e) => setText(e.target.value)}
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
        </div>
      ) : null}
    </section>
  );
}
