import { MAX_SPEED, MIN_SPEED } from '../../state/playback-slice';
import { selectAtEnd, selectCurrentState } from '../../state/store';
import { enabledThreads } from '../../worker/statuses';
import { useAppSelector, useServices } from '../AppContext';
import { EndOfHistory } from './EndOfHistory';
import { GoToStep } from './GoToStep';

/** One primary action (step forward), the other moves as secondary buttons; the symbols are decoration. */
export function Controls() {
  const { store, controller } = useServices();
  const index = useAppSelector((s) => s.index);
  const total = useAppSelector((s) => s.events.length);
  const playing = useAppSelector((s) => s.playing);
  const speed = useAppSelector((s) => s.speed);
  const atEnd = useAppSelector(selectAtEnd);
  const state = useAppSelector(selectCurrentState);
  // At the end of the history, stepping needs a thread that can run (none when done or deadlocked).
  const finished = atEnd && (!state || enabledThreads(state).length === 0);
  const s = store.getState();
  return (
    <section className="controls" aria-label="Playback">
      <button
        type="button"
        onClick={s.jumpToStart}
        disabled={index === 0}
        aria-keyshortcuts="Home"
        aria-label="Jump to start"
        title="Jump to start (Home)"
      >
        <span aria-hidden="true">◀◀</span>
      </button>
      <button type="button" onClick={s.stepBack} disabled={index === 0} aria-keyshortcuts="ArrowLeft">
        <span aria-hidden="true">◀ </span>Step back
      </button>
      <button
        type="button"
        className="primary-action"
        onClick={() => void controller.stepForward()}
        disabled={finished}
        aria-keyshortcuts="ArrowRight"
      >
        Step forward<span aria-hidden="true"> ▶</span>
      </button>
      <button type="button" onClick={s.togglePlay} disabled={!playing && finished} aria-keyshortcuts="Space">
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={s.jumpToEnd}
        disabled={atEnd}
        aria-keyshortcuts="End"
        aria-label="Jump to end"
        title="Jump to end (End)"
      >
        <span aria-hidden="true">▶▶</span>
      </button>
      <output className="step-count" aria-live="off">
        Step {index} of {total}
      </output>
      {state ? <EndOfHistory state={state} atEnd={atEnd} finished={finished} /> : null}
      <GoToStep index={index} total={total} onGo={s.jumpTo} />
      <label className="speed">
        Speed
        <input
          type="range"
          min={MIN_SPEED}
          max={MAX_SPEED}
          step={0.5}
          value={speed}
          onChange={(e) => s.setSpeed(Number(e.target.value))}
        />
        <span>{speed}/s</span>
      </label>
    </section>
  );
}
