import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { decodeRunLink } from '../../url/run-link';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';
import { narration, renderApp, runSchedule, stepCount, useAfterFreeSchedule } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

function renderWithLink(search: string) {
  render(
    <App
      client={createMainThreadClient()}
      scenarios={[fixtureScenario]}
      initialScenarioId={fixtureScenario.id}
      link={decodeRunLink(search)}
    />,
  );
}

describe('links', () => {
  it('copies a link that names the scenario, the thread choices and the step shown', async () => {
    const { user } = await renderApp();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await runSchedule(user, [0, 1]);
    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`http://localhost:3000/?v=1&s=${fixtureScenario.id}&t=0.1&i=1`);
    expect(screen.getByText('Link copied.')).toBeInTheDocument();
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const { user } = await renderApp();
    const writeText = vi.fn(async () => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('textbox', { name: 'Link to this step' })).toHaveValue(
      `http://localhost:3000/?v=1&s=${fixtureScenario.id}&t=&i=0`,
    );
  });

  it('opens a shared link at its step, with the hazard it reached', async () => {
    const schedule = useAfterFreeSchedule.join('.');
    renderWithLink(`?v=1&s=${fixtureScenario.id}&t=${schedule}&i=${useAfterFreeSchedule.length}`);
    const total = useAfterFreeSchedule.length;
    await stepCount(total, total);
    expect(screen.getByText(/Hazard: something broke/)).toBeInTheDocument();
    await userEvent.setup().keyboard('{Home}');
    await stepCount(0, total);
  });

  it('says why a broken link could not be opened and shows the scenario’s start', async () => {
    renderWithLink('?v=1&s=nope&t=0');
    expect(await screen.findByRole('alert', { name: 'Error' })).toHaveTextContent('unknown scenario "nope"');
    expect(within(narration()).getByText(/Start of/)).toBeInTheDocument();
  });
});
