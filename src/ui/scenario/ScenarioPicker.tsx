import { selectCurrentScenario } from '../../state/store';
import { useAppSelector, useServices } from '../AppContext';
import { ScenarioList } from './ScenarioList';

/** The built-in scenarios; choosing one replays it from its initial state. */
export function ScenarioPicker() {
  const { controller } = useServices();
  const scenarios = useAppSelector((s) => s.scenarios);
  const current = useAppSelector(selectCurrentScenario);
  return (
    <div className="scenario-picker">
      <label>
        Scenario{' '}
        <select value={current?.id ?? ''} onChange={(e) => void controller.loadScenario(e.target.value)}>
          {scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id} title={scenario.summary}>
              {scenario.title}
            </option>
          ))}
        </select>
      </label>
      <ScenarioList />
      {current ? <p className="scenario-summary">{current.summary}</p> : null}
    </div>
  );
}
