import { useState } from 'react';
import type { Scenario } from '../../core/types';
import { isLargeScenario } from '../../scenarios';
import { BROWSER_MAX_STATES } from '../../state/explorer';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';
import { Overlay } from '../overlay/Overlay';

function verdict(scenario: Scenario): string {
  if (isLargeScenario(scenario))
    return `large: the explorer stops at ${BROWSER_MAX_STATES.toLocaleString('en-US')} states without a verdict; Export → Promela for Spin`;
  const shown = [...scenario.expect.hazards, ...scenario.expect.warnings];
  return shown.length > 0 ? `shows: ${shown.join(', ')}` : 'safe under every interleaving';
}

/** Every built-in scenario with its one-line summary, in a dialog; choosing one loads it and closes the list. */
export function ScenarioList() {
  const { controller } = useServices();
  const scenarios = useAppSelector((s) => s.scenarios);
  const current = useAppSelector(selectCurrentScenario);
  const [open, setOpen] = useState(false);
  const choose = (id: string) => {
    setOpen(false);
    void controller.loadScenario(id);
  };
  return (
    <>
      <button type="button" className="scenario-list-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        All scenarios
      </button>
      {open ? (
        <Overlay title="All scenarios" open onClose={() => setOpen(false)}>
          <ul className="scenario-list" aria-label="Built-in scenarios">
            {scenarios.map((scenario) => (
              <li key={scenario.id}>
                <button
                  type="button"
                  aria-current={scenario.id === current?.id ? 'true' : undefined}
                  onClick={() => choose(scenario.id)}
                >
                  <strong>{scenario.title}</strong>
                  <span className="scenario-list-summary">{scenario.summary}</span>
                  <span className="scenario-list-verdict">
                    {scenario.design} · {verdict(scenario)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Overlay>
      ) : null}
    </>
  );
}
