import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Scenario } from '../../core/types';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';
import { fixtureScenario } from '../test-fixtures';

/** The fixture with the vmap-notifier design: its notifier waits for vq->mutex, so a thread can be blocked. */
export const mutexScenario: Scenario = {
  ...fixtureScenario,
  id: 'fixture-vmap-notifier',
  title: 'Fixture: vmap + notifier mutex',
  summary: 'The notifier takes vq->mutex.',
  design: 'vmap-notifier',
  bugs: [],
};

/** A schedule of the fixture that ends in a use-after-free (found with the core's step function). */
export const useAfterFreeSchedule = [0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0];

export async function renderApp(scenarios: Scenario[] = [fixtureScenario, mutexScenario]) {
  const user = userEvent.setup();
  const client = createMainThreadClient();
  const first = scenarios[0] as Scenario;
  render(<App client={client} scenarios={scenarios} initialScenarioId={first.id} />);
  await screen.findByText(`Start of “${first.title}”.`);
  return { user, client };
}

export const runButton = (name: RegExp) => screen.getByRole('button', { name });
export const narration = () => screen.getByRole('region', { name: 'What happened' });
export const stepCount = (index: number, total: number) => screen.findByText(`Step ${index} of ${total}`);

/** Clicks the run button of each thread in `schedule` (thread indices), waiting for each step to land. */
export async function runSchedule(user: ReturnType<typeof userEvent.setup>, schedule: readonly number[], from = 0) {
  for (const [i, thread] of schedule.entries()) {
    // findBy: the simulation answers asynchronously, so a run's first state may land just after "Step 0 of 0".
    await user.click(await screen.findByRole('button', { name: new RegExp(`^Run .* \\(${thread + 1}\\)$`) }));
    await stepCount(from + i + 1, from + i + 1);
  }
}
