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
        <select
          value={current?.id ?? ''}
          title={current?.summary}
          onChange={(e) => {
            // Focus leaves the select so that the arrow keys and Space step and play the new scenario.
            e.currentTarget.blur();
            void controller.loadScenario(e.target.value);
          }}
        >
          {scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id} title={scenario.summary}>
              {scenario.title}
            </option>
          ))}
        </select>
      </label>
      <ScenarioList />
    </div>
  );
}
