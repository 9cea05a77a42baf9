import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { encodeRunLink } from '../../url/encode';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';
import { narration, renderApp, runSchedule, stepCount, useAfterFreeSchedule } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

function renderWithLink(linkText: string) {
  render(
    <App
      client={createMainThreadClient()}
      scenarios={[fixtureScenario]}
      initialScenarioId={fixtureScenario.id}
      linkText={linkText}
    />,
  );
}

const linkTo = (schedule: number[], index: number) =>
  encodeRunLink({ scenarioId: fixtureScenario.id, schedule, index });

describe('links', () => {
  it('copies a versioned, checksummed link that names the scenario, the thread choices and the step shown', async () => {
    const { user } = await renderApp();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await runSchedule(user, [0, 1]);
    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`http://localhost:3000/${linkTo([0, 1], 1)}`);
    expect(screen.getByText('Link copied.')).toBeInTheDocument();
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const { user } = await renderApp();
    const writeText = vi.fn(async () => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('textbox', { name: 'Link to this step' })).toHaveValue(
      `http://localhost:3000/${linkTo([], 0)}`,
    );
  });

  it('opens a shared link at its step, with the hazard it reached', async () => {
    const total = useAfterFreeSchedule.length;
    renderWithLink(linkTo(useAfterFreeSchedule, total));
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

  it('opens the longest valid prefix of a schedule this model no longer replays, naming the failing step', async () => {
    renderWithLink(linkTo([0, 0, 7, 0], 4));
    expect(await screen.findByRole('alert', { name: 'Error' })).toHaveTextContent(
      /This run no longer replays: Step 3: .*Showing the 2 steps before it\./,
    );
    await stepCount(2, 2);
  });

  it('says which older model made a link and still opens it', async () => {
    renderWithLink(`?v=1&s=${fixtureScenario.id}&t=0&i=1`);
    await stepCount(1, 1);
    expect(screen.getByText(/before links recorded the model version/)).toBeInTheDocument();
  });
});
