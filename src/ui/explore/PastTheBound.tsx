import type { Scenario } from '../../core/types';
import { BROWSER_MAX_STATES } from '../../state/explorer';
import { count } from './explore-text';

interface Props {
  scenario: Scenario;
  /** A large built-in: the note shows before any search, not only after one stopped at the bound. */
  large: boolean;
}

/** Where a verdict comes from when the browser's search cannot finish: Spin, on the scenario's Promela export. */
export function PastTheBound({ scenario, large }: Props) {
  return (
    <p className="explore-past-bound">
      {large
        ? `A large scenario: more interleavings than a browser tab holds, so the search stops at ${count(BROWSER_MAX_STATES)} states without a verdict. `
        : 'The search stopped before the end. '}
      For the verdict, use Export → Promela and run Spin on the model (its header has the commands), or let the command
      line do the round trip: <code>npm run explore -- {scenario.id} --spin</code>.
    </p>
  );
}
