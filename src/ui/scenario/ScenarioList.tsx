import { useRef } from 'react';
import type { Scenario } from '../../core/types';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';

function verdict(scenario: Scenario): string {
  const shown = [...scenario.expect.hazards, ...scenario.expect.warnings];
  return shown.length > 0 ? `shows: ${shown.join(', ')}` : 'safe under every interleaving';
}

/** Every built-in scenario with its one-line summary; choosing one loads it and closes the list. */
export function ScenarioList() {
  const { controller } = useServices();
  const scenarios = useAppSelector((s) => s.scenarios);
  const current = useAppSelector(selectCurrentScenario);
  const details = useRef<HTMLDetailsElement>(null);
  const choose = (id: string) => {
    if (details.current) details.current.open = false;
    void controller.loadScenario(id);
  };
  return (
    <details className="scenario-list" ref={details}>
      <summary>All scenarios</summary>
      <ul aria-label="Built-in scenarios">
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
    </details>
  );
}
