import { useMemo } from 'react';
import { threadNames } from '../../core';
import type { Scenario } from '../../core/types';
import { CompareTimeline } from './CompareTimeline';
import { compareRuns } from './compare-runs';
import { divergenceText, outcomeText } from './compare-text';
import { parseSchedule } from './parse-schedule';

interface Props {
  id: string;
  scenario: Scenario;
  textA: string;
  textB: string;
  setTextA: (text: string) => void;
  setTextB: (text: string) => void;
}

/** The open comparison: two schedule fields and, once both parse, the two runs on one timeline. */
export default function CompareBody({ id, scenario, textA, textB, setTextA, setTextB }: Props) {
  const names = useMemo(() => threadNames(scenario), [scenario]);
  const { parsedA, parsedB, comparison } = useMemo(() => {
    const a = parseSchedule(textA, names.length);
    const b = parseSchedule(textB, names.length);
    const result = a.ok && b.ok ? compareRuns(scenario, a.schedule, b.schedule) : null;
    return { parsedA: a, parsedB: b, comparison: result };
  }, [scenario, names, textA, textB]);
  const sentences = comparison
    ? [divergenceText(comparison, names), outcomeText('A', comparison.a, names), outcomeText('B', comparison.b, names)]
    : [];
  return (
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
  );
}
