import type { Lasso, LivenessAnswer, LivenessResult } from '../../core/explore/liveness/liveness';

interface Props {
  liveness: LivenessResult;
  onOpen: (lasso: Lasso, button: HTMLButtonElement) => void;
}

const VERDICT = {
  live: { icon: '✓', label: 'Live' },
  violated: { icon: '↻', label: 'Never progresses' },
  unknown: { icon: '?', label: 'Unknown' },
} as const;

const ROWS = [
  ['noFairness', 'Without fairness', 'any scheduler, even one that never runs a ready thread'],
  ['weakFairness', 'Under weak fairness', 'a thread that can always step eventually does'],
] as const;

/** The liveness verdicts beside the safety answer: does the vhost worker always make progress, and if not, the loop. */
export function LivenessRows({ liveness, onOpen }: Props) {
  return (
    <section className="liveness" aria-labelledby="liveness-title">
      <h3 id="liveness-title">Liveness: does the vhost worker always make progress?</h3>
      <p className="explore-intro">
        Progress means vhost publishes used.idx or ends a round; a loop of states without it means vhost retries
        forever.
      </p>
      <ul className="liveness-rows" aria-label="Liveness verdicts">
        {ROWS.map(([key, title, meaning]) => (
          <LivenessRow key={key} title={title} meaning={meaning} answer={liveness[key]} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}

function LivenessRow(props: { title: string; meaning: string; answer: LivenessAnswer; onOpen: Props['onOpen'] }) {
  const { title, meaning, answer, onOpen } = props;
  const verdict = VERDICT[answer.verdict];
  const lasso = answer.lasso;
  return (
    <li className={`liveness-row liveness-${answer.verdict}`}>
      <p>
        <span aria-hidden="true">{verdict.icon} </span>
        <strong>
          {title}: {verdict.label}
        </strong>{' '}
        <span className="liveness-meaning">({meaning})</span>
      </p>
      <p className="liveness-message">{answer.message}</p>
      {lasso ? (
        <>
          <p className="liveness-where">
            Prefix: steps 1–{lasso.prefix.length}; the loop starts after step {lasso.prefix.length} and runs steps{' '}
            {lasso.prefix.length + 1}–{lasso.prefix.length + lasso.loop.length}, then repeats forever.
          </p>
          <button type="button" onClick={(event) => onOpen(lasso, event.currentTarget)}>
            Open the loop {title.toLowerCase()} in stepper
          </button>
        </>
      ) : null}
    </li>
  );
}
