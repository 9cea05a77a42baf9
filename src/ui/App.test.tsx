import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { mutexScenario, narration, renderApp, runSchedule, stepCount } from './test/render-app';
import { fixtureScenario } from './test-fixtures';

describe('App', () => {
  it('falls back to the main thread when no Worker can start, says so, and still steps', async () => {
    expect(typeof Worker).toBe('undefined');
    const user = userEvent.setup();
    render(<App scenarios={[fixtureScenario]} initialScenarioId={fixtureScenario.id} />);
    expect(await screen.findByText('Simulation runs on the main thread (worker unavailable)')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Run vhost worker (1)' }));
    await stepCount(1, 1);
  });

  it('loads the chosen scenario from the picker with its summary', async () => {
    const { user } = await renderApp();
    expect(within(narration()).getByText('A hand-made scenario for tests.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), mutexScenario.id);
    expect(await within(narration()).findByText(`Start of “${mutexScenario.title}”.`)).toBeInTheDocument();
    expect(within(narration()).getByText(mutexScenario.summary)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).not.toHaveFocus();
  });

  it('answers a digit key for a blocked thread with the reason instead of a step', async () => {
    const { user } = await renderApp([mutexScenario]);
    await runSchedule(user, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    await user.keyboard('2');
    expect(screen.getByRole('alert', { name: 'Error' })).toHaveTextContent(
      'Thread 2 cannot run: waits for vq->mutex, held by vhost worker.',
    );
    expect(screen.getByText('Step 12 of 12')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert', { name: 'Error' })).not.toBeInTheDocument();
  });
});

function Broken(): never {
  throw new Error('the view could not be drawn');
}

describe('ErrorBoundary', () => {
  it('replaces a crashed subtree with a readable message instead of a blank page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Ringside hit a problem');
    expect(screen.getByRole('alert')).toHaveTextContent('the view could not be drawn');
    warn.mockRestore();
    error.mockRestore();
  });
});
