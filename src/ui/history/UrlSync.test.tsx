import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { encodeOwnTour } from '../../tour/own/own-link';
import { encodeRunLink } from '../../url/encode';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';
import { runSchedule, stepCount } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

/** The app on the fixture, keeping the address bar in sync. */
const renderSynced = () =>
  render(
    <App
      client={createMainThreadClient()}
      scenarios={[fixtureScenario]}
      initialScenarioId={fixtureScenario.id}
      syncUrl
    />,
  );

const link = (schedule: number[], index: number) => encodeRunLink({ scenarioId: fixtureScenario.id, schedule, index });

describe('the address bar follows the run', () => {
  it('replaces the entry while stepping, pushes one for a branch, and Back reopens the old branch', async () => {
    window.history.replaceState(null, '', `/${link([], 0)}`);
    const before = window.history.length;
    const user = userEvent.setup();
    renderSynced();
    await stepCount(0, 0);
    await runSchedule(user, [0, 0, 1]);
    await waitFor(() => expect(window.location.search).toBe(link([0, 0, 1], 3)));
    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await waitFor(() => expect(window.location.search).toBe(link([0, 0, 1], 2)));
    expect(window.history.length).toBe(before);

    await user.click(screen.getByRole('button', { name: /^Run .* \(2\)$/ }));
    await stepCount(3, 3);
    await waitFor(() => expect(window.location.search).toBe(link([0, 0, 1], 3)));
    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await user.click(screen.getByRole('button', { name: /^Run .* \(2\)$/ }));
    await stepCount(2, 2);
    await waitFor(() => expect(window.location.search).toBe(link([0, 1], 2)));
    expect(window.history.length).toBe(before + 1);
    expect(screen.getByRole('list', { name: 'Earlier runs' })).toHaveTextContent('(at step 1, 3 steps)');

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    await stepCount(1, 3);
    await waitFor(() => expect(window.location.search).toBe(link([0, 0, 1], 1)));
  });

  it('keeps embed mode in every address it writes, so stepping an embedded picture never opens the full app', async () => {
    window.history.replaceState(null, '', `/${link([0, 0, 1], 1)}&embed=1`);
    const user = userEvent.setup();
    renderSynced();
    await stepCount(1, 3);
    await user.click(screen.getByRole('button', { name: /Step forward/ }));
    await stepCount(2, 3);
    await waitFor(() => expect(window.location.search).toBe(`${link([0, 0, 1], 2)}&embed=1`));
    expect(screen.queryByRole('button', { name: /^Run / })).not.toBeInTheDocument();
  });

  it('keeps presenter mode in the address bar, so a reload opens the page presenting, and drops it when switched off', async () => {
    window.history.replaceState(null, '', `/${link([0, 0, 1], 1)}&presenter=1`);
    const user = userEvent.setup();
    renderSynced();
    await stepCount(1, 3);
    const button = screen.getByRole('button', { name: 'Presenter mode (P)' });
    expect(button).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: /Step forward/ }));
    await stepCount(2, 3);
    await waitFor(() => expect(window.location.search).toBe(`${link([0, 0, 1], 2)}&presenter=1`));
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(window.location.search).toBe(link([0, 0, 1], 2)));
  });

  it('keeps a tour of one’s own in the address bar at its stop, so a reload reopens the player at that stop', async () => {
    const stops = [
      { run: link([0, 0], 1), note: 'First stop' },
      { run: link([0, 0, 1], 3), note: 'Second stop' },
    ];
    const tourLink = encodeOwnTour({ format: 1, title: 'Linked', stops }) ?? '';
    const [query = '', fragment = ''] = tourLink.split('#');
    const address = () => window.location.search + window.location.hash;
    window.history.replaceState(null, '', `/${tourLink}`);
    const user = userEvent.setup();
    renderSynced();
    const panel = await screen.findByRole('region', { name: 'Linked' });
    expect(within(panel).getByText('Your tour · stop 1 of 2')).toBeInTheDocument();
    await waitFor(() => expect(address()).toBe(`${query}&stop=1#${fragment}`));
    await user.click(within(panel).getByRole('button', { name: 'Next stop' }));
    await stepCount(3, 3);
    await waitFor(() => expect(address()).toBe(`${query}&stop=2#${fragment}`));

    // A reload: the page starts again from the address bar.
    cleanup();
    renderSynced();
    const again = await screen.findByRole('region', { name: 'Linked' });
    expect(within(again).getByText('Your tour · stop 2 of 2')).toBeInTheDocument();
    expect(within(again).getByText('Second stop')).toBeInTheDocument();
    await stepCount(3, 3);

    await user.click(within(again).getByRole('button', { name: 'Close the tour' }));
    await waitFor(() => expect(address()).toBe(link([0, 0, 1], 3)));
  });

  it('ends a tour of one’s own when Back returns to the run before it, and writes that run’s address again', async () => {
    const before = link([0, 0, 1], 2);
    const tourLink = encodeOwnTour({
      format: 1,
      title: 'Linked',
      stops: [{ run: link([0, 0], 1), note: 'Only stop' }],
    });
    window.history.replaceState(null, '', `/${before}`);
    renderSynced();
    await stepCount(2, 3);
    await act(async () => {
      window.history.pushState(null, '', `/${tourLink ?? ''}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByRole('region', { name: 'Linked' })).toBeInTheDocument();
    await stepCount(1, 2);
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    await stepCount(2, 3);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Linked' })).not.toBeInTheDocument());
    expect(window.location.search).toBe(before);
  });
});
