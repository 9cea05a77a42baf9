import { useEffect, useId, useMemo, useState } from 'react';
import type { State } from '../../core/types';
import { type Prediction as PredictionSpec, questionAt } from '../../tour/predict';
import type { Outcome } from '../../tour/score';

interface Props {
  /** Where the question is asked (a guided-tour chapter, or a stop of a tour of one's own) and what it asks. */
  chapter: { step: number; predict: PredictionSpec };
  /** The state at the chapter's step, or null when the reader is elsewhere. */
  state: State | null;
  nextThread: number | undefined;
  scoreText: string;
  onOutcome: (outcome: Outcome) => void;
  /** Shows the step the question was about. */
  reveal: () => void;
  /** Holds the run at the question's step while it waits (true), or lets it go on (false). */
  hold: (on: boolean) => void;
}

/** Predict, then check: the reader answers (or skips), then sees the step; the answer is read from the model. */
export function Prediction({ chapter, state, nextThread, scoreText, onOutcome, reveal, hold }: Props) {
  const id = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const question = useMemo(
    () => (state && nextThread !== undefined ? questionAt(state, nextThread, chapter.predict) : null),
    [state, nextThread, chapter.predict],
  );
  // The run is held while the question waits, also while the reader looks elsewhere; a step where the model
  // has no question to ask (no next step) holds nothing, so the reader is never stuck.
  const holding = result === null && !(state !== null && question === null);
  // A new run clears every hold (opening the next chapter must reach its step); the question sets it on mounting.
  useEffect(() => {
    if (!holding) return;
    hold(true);
    return () => hold(false);
  }, [holding, hold]);
  const labelOf = (value: string) => question?.choices.find((c) => c.value === value)?.label ?? value;
  const finish = (outcome: Outcome, text: string) => {
    setResult(text);
    onOutcome(outcome);
    hold(false);
    reveal();
  };
  const check = () => {
    if (!question || choice === null) return;
    const right = question.answers.includes(choice);
    const expected = question.answers.map(labelOf).join(' or ');
    finish(
      right ? 'right' : 'wrong',
      right
        ? `✓ Right: ${labelOf(choice)}. ${question.explanation}`
        : `✗ Not quite: you chose ${labelOf(choice)}, the model says ${expected}. ${question.explanation}`,
    );
  };
  const asking = question !== null && result === null;
  return (
    <section className="tour-predict" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Predict, then check</h3>
      {asking ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            check();
          }}
        >
          <fieldset>
            <legend>{question.prompt}</legend>
            {question.choices.map((c) => (
              <label key={c.value} className="tour-choice">
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={c.value}
                  checked={choice === c.value}
                  onChange={() => setChoice(c.value)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
          <div className="tour-predict-actions">
            <button type="submit" disabled={choice === null}>
              Check my answer
            </button>
            <button type="button" onClick={() => finish('skipped', `Skipped. ${question.explanation}`)}>
              Skip the question
            </button>
          </div>
        </form>
      ) : result === null ? (
        <p className="tour-muted">The question is asked at step {chapter.step} of this chapter’s run.</p>
      ) : null}
      <p role="status" className="tour-result">
        {result ? `${result} ` : ''}
        {scoreText}
      </p>
    </section>
  );
}
