import { useAppSelector, useServices } from '../AppContext';
import { openRunLink } from './open-link';
import './history.css';

/** The runs the user left (other branches, scenarios, findings), newest first: none is lost. */
export function RunHistory() {
  const { store, controller, catalog } = useServices();
  const saved = useAppSelector((s) => s.savedRuns);
  if (saved.length === 0) return null;
  return (
    <details className="run-history">
      <summary>Earlier runs ({saved.length})</summary>
      <ul aria-label="Earlier runs">
        {saved.map((run) => (
          <li key={run.href}>
            <button type="button" onClick={() => void openRunLink(store, controller, catalog, run.link)}>
              Open {run.title}
            </button>
            <span className="run-history-path">{run.link.schedule.map((t) => t + 1).join(' ')}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
