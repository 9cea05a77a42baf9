import { selectShownLasso } from '../../state/explore-slice';
import { useAppSelector, useServices } from '../AppContext';
import { percentAlong } from './timeline-position';
import './timeline-loop.css';

/** A scrubber over every recorded step; each hazard (⚠) and warning (!) is a button that jumps to its step. */
export function Timeline() {
  const { store } = useServices();
  const index = useAppSelector((s) => s.index);
  const events = useAppSelector((s) => s.events);
  const last = events.length;
  // A plain ratio: d3-scale's linear scale would put its interpolators and number formats on the first screen.
  const x = (step: number) => percentAlong(step, last);
  const marks = events.flatMap((event, i) => {
    const hazard = event.findings.some((f) => f.severity === 'hazard');
    const warning = event.findings.some((f) => f.severity === 'warning');
    return hazard || warning ? [{ position: i + 1, hazard }] : [];
  });
  const firstHazard = marks.find((mark) => mark.hazard);
  const lasso = useAppSelector(selectShownLasso);
  const jump = (step: number) => store.getState().jumpTo(step);
  return (
    <div className="timeline">
      <div className="timeline-marks">
        {lasso ? (
          <span
            className="timeline-loop"
            aria-hidden="true"
            style={{ left: `${x(lasso.loopStart)}%`, width: `${x(lasso.schedule.length) - x(lasso.loopStart)}%` }}
          >
            ↻ loop
          </span>
        ) : null}
        {marks.map(({ position, hazard }) => (
          <button
            type="button"
            key={position}
            className={`timeline-mark ${hazard ? 'mark-hazard' : 'mark-warning'}`}
            style={{ left: `${x(position)}%` }}
            aria-label={`Go to the ${hazard ? 'hazard' : 'warning'} at step ${position}`}
            aria-current={position === index ? 'step' : undefined}
            onClick={() => jump(position)}
          >
            <span aria-hidden="true">{hazard ? '⚠' : '!'}</span>
          </button>
        ))}
      </div>
      <input
        type="range"
        aria-label="Timeline"
        min={0}
        max={last}
        value={index}
        aria-valuetext={`step ${index} of ${last}`}
        onChange={(e) => jump(Number(e.target.value))}
      />
      {lasso ? (
        <p className="timeline-loop-note">
          <span aria-hidden="true">↻ </span>
          Loop: steps {lasso.loopStart + 1}–{lasso.schedule.length} lead back to the state after step {lasso.loopStart}{' '}
          and repeat forever without progress.{' '}
          <button type="button" className="link-button" onClick={() => jump(lasso.loopStart)}>
            Jump to the loop start (step {lasso.loopStart})
          </button>
        </p>
      ) : null}
      {firstHazard ? (
        <button type="button" className="link-button" onClick={() => jump(firstHazard.position)}>
          Jump to the first hazard (step {firstHazard.position})
        </button>
      ) : null}
    </div>
  );
}
