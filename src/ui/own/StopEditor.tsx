import { OWN_LIMITS, type OwnStop } from '../../tour/own/own-tour';
import type { Prediction } from '../../tour/predict';

const QUESTIONS: readonly [string, string, Prediction | undefined][] = [
  ['none', 'no question', undefined],
  ['refcount', 'refcount of ring page 0 after the next step', { kind: 'refcount', ringPage: 0 }],
  ['dirty', 'PG_dirty of ring page 0 after the next step', { kind: 'dirty', ringPage: 0 }],
  ['uaf', 'which thread must run for the use-after-free', { kind: 'next-thread', hazard: 'use-after-free' }],
];

const questionKey = (predict: Prediction | undefined) =>
  QUESTIONS.find(([, , p]) => JSON.stringify(p) === JSON.stringify(predict))?.[0] ?? 'none';

interface Props {
  stop: OwnStop;
  index: number;
  count: number;
  title: string;
  onChange: (stop: OwnStop) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One stop in the tour builder: where it is, the lecturer's note, the optional question, and its order. */
export function StopEditor({ stop, index, count, title, onChange, onMove, onRemove }: Props) {
  const n = index + 1;
  return (
    <li className="own-stop">
      <h3>
        Stop {n}: {title}
      </h3>
      <label className="own-field">
        Note for stop {n}
        <textarea
          rows={3}
          maxLength={OWN_LIMITS.maxNote}
          value={stop.note}
          onChange={(event) => onChange({ ...stop, note: event.target.value })}
        />
      </label>
      <label className="own-field">
        Question for stop {n}{' '}
        <select
          value={questionKey(stop.predict)}
          onChange={(event) => {
            const predict = QUESTIONS.find(([key]) => key === event.target.value)?.[2];
            const { predict: _old, ...rest } = stop;
            onChange(predict ? { ...rest, predict } : rest);
          }}
        >
          {QUESTIONS.map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="own-stop-actions">
        <button type="button" disabled={index === 0} onClick={() => onMove(-1)}>
          Move stop {n} up
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(1)}>
          Move stop {n} down
        </button>
        <button type="button" onClick={onRemove}>
          Remove stop {n}
        </button>
      </div>
    </li>
  );
}
