import { enabledThreads } from '../../core';
import { MAX_SPEED, MIN_SPEED } from '../../state/playback-slice';
import { selectAtEnd, selectCurrentState } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';

/** Step, jump, play/pause and speed; the buttons' names say what they do, the symbols are decoration. */
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
      <button type="button" onClick={s.jumpToStart} disabled={index === 0} aria-keyshortcuts="Home">
        <span aria-hidden="true">◀◀ </span>Jump to start
      </button>
      <button type="button" onClick={s.stepBack} disabled={index === 0} aria-keyshortcuts="ArrowLeft">
        <span aria-hidden="true">◀ </span>Step back
      </button>
      <button type="button" onClick={s.togglePlay} disabled={!playing && finished} aria-keyshortcuts="Space">
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={() => void controller.stepForward()}
        disabled={finished}
        aria-keyshortcuts="ArrowRight"
      >
        Step forward<span aria-hidden="true"> ▶</span>
      </button>
      <button type="button" onClick={s.jumpToEnd} disabled={atEnd} aria-keyshortcuts="End">
        Jump to end<span aria-hidden="true"> ▶▶</span>
      </button>
      <output className="step-count" aria-live="off">
        Step {index} of {total}
      </output>
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
        <span>{speed} steps/s</span>
      </label>
    </section>
  );
}
