import { useEffect, useRef, useState } from 'react';
import type { Counterexample } from '../../core/explore/engine/machine';
import type { Lasso } from '../../core/explore/liveness/liveness';
import { isLargeScenario } from '../../scenarios';
import { BROWSER_MAX_STATES } from '../../state/explorer';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';
import { openRun } from '../open-start';
import { ExploreResultView } from './ExploreResultView';
import { count, endLine, progressLine } from './explore-text';
import { PastTheBound } from './PastTheBound';
import './explore.css';

/** Lets the explorer try every interleaving of the current scenario and opens what it finds in the stepper. */
export function ExplorePanel() {
  const { store, controller, explorer } = useServices();
  const exploration = useAppSelector((s) => s.exploration);
  const scenario = useAppSelector(selectCurrentScenario);
  const large = scenario !== undefined && isLargeScenario(scenario);
  const running = exploration.phase === 'running';
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(false);
  const [reduce, setReduce] = useState(true);

  // Focus follows the action whose button disappears or is disabled, but is never taken from elsewhere.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (running && (lost || document.activeElement === startButton.current)) cancelButton.current?.focus();
    if (!running && wasRunning.current && lost) startButton.current?.focus();
    wasRunning.current = running;
  }, [running]);

  const open = async (finding: Counterexample, button: HTMLButtonElement) => {
    if (exploration.phase !== 'done') return;
    const link = { scenarioId: exploration.scenarioId, schedule: finding.schedule, index: finding.step + 1 };
    await openRun(store, controller, link);
    // The hazard banner that appears above the tabs must not push the clicked button out of view.
    button.scrollIntoView?.({ block: 'nearest' });
  };

  const openLasso = async (lasso: Lasso, button: HTMLButtonElement) => {
    if (exploration.phase !== 'done') return;
    const { scenarioId } = exploration;
    const schedule = [...lasso.prefix, ...lasso.loop];
    await openRun(store, controller, { scenarioId, schedule, index: lasso.prefix.length });
    store.getState().markLasso({ scenarioId, schedule, loopStart: lasso.prefix.length });
    button.scrollIntoView?.({ block: 'nearest' });
  };

  return (
    <section className="explore" aria-labelledby="explore-title">
      <h2 id="explore-title">Explore every interleaving</h2>
      <p className="explore-intro">
        Tries every thread order (up to {count(BROWSER_MAX_STATES)} states) for the shortest schedule to each hazard,
        then looks for loops in which the vhost worker never makes progress.
      </p>
      <div className="explore-actions">
        <button type="button" ref={startButton} onClick={() => explorer.start({ por: reduce })} disabled={running}>
          Find every bad interleaving
        </button>
        {running ? (
          <button type="button" ref={cancelButton} onClick={explorer.cancel}>
            Cancel
          </button>
        ) : null}
        <label className="explore-por">
          <input
            type="checkbox"
            checked={reduce}
            disabled={running}
            onChange={(event) => setReduce(event.target.checked)}
          />
          Partial-order reduction: skip reorderings of independent steps (same hazards, fewer states)
        </label>
      </div>
      <p className="explore-status" role="status" aria-live="polite">
        {running ? (exploration.cancelling ? 'Cancelling…' : progressLine(exploration.progress)) : null}
        {exploration.phase === 'done' ? endLine(exploration.result) : null}
        {exploration.phase === 'failed' ? `The exploration failed: ${exploration.message}` : null}
      </p>
      {scenario && (large || (exploration.phase === 'done' && !exploration.result.complete)) ? (
        <PastTheBound scenario={scenario} large={large} />
      ) : null}
      {exploration.phase === 'done' ? (
        <ExploreResultView result={exploration.result} onOpen={open} onOpenLasso={openLasso} />
      ) : null}
    </section>
  );
}
