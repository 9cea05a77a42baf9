import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRunLink } from '../../url/encode';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';
import { fixtureScenario } from '../test-fixtures';

describe('embed mode', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('with ?embed=1 shows only the picture and the playback controls', async () => {
    window.history.replaceState(null, '', '/?embed=1');
    render(
      <App client={createMainThreadClient()} scenarios={[fixtureScenario]} initialScenarioId={fixtureScenario.id} />,
    );
    expect(await screen.findByText('Step 0 of 0')).toBeInTheDocument();
    expect(screen.getByRole('main', { name: fixtureScenario.title })).toContainElement(
      screen.getByRole('group', { name: /^(At the start|After step)/ }),
    );
    expect(screen.getByRole('region', { name: 'Playback' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Step forward/ })).toBeInTheDocument();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Scenario' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy link' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Export' })).not.toBeInTheDocument();
  });

  it('shows the same link message as the full app: a wrong checksum with embed=1 is not opened silently', async () => {
    const link = encodeRunLink({ scenarioId: fixtureScenario.id, schedule: [0], index: 1 }).replace(
      /c=([^&#]+)/,
      'c=zzzzz',
    );
    const messages: string[] = [];
    for (const embed of [true, false]) {
      window.history.replaceState(null, '', embed ? `/${link}&embed=1` : '/');
      const { unmount } = render(
        <App
          client={createMainThreadClient()}
          scenarios={[fixtureScenario]}
          initialScenarioId={fixtureScenario.id}
          linkText={link}
        />,
      );
      const alert = await screen.findByRole('alert', { name: 'Error' });
      expect(alert).toHaveTextContent(/^This link cannot be opened as it is\. .*checksum/i);
      messages.push(alert.textContent ?? '');
      unmount();
    }
    expect(messages[0]).toBe(messages[1]);
  });

  it('with &narration=1 also says what the step shown did', async () => {
    window.history.replaceState(null, '', '/?embed=1&narration=1');
    const user = userEvent.setup();
    render(
      <App client={createMainThreadClient()} scenarios={[fixtureScenario]} initialScenarioId={fixtureScenario.id} />,
    );
    expect(await screen.findByText(`Start of “${fixtureScenario.title}”.`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Step forward/ }));
    expect(await screen.findByText(/^Step 1: vhost worker ran /)).toBeInTheDocument();
  });

  it('without it shows the whole stepper with the export buttons', async () => {
    render(
      <App client={createMainThreadClient()} scenarios={[fixtureScenario]} initialScenarioId={fixtureScenario.id} />,
    );
    expect(await screen.findByText('Step 0 of 0')).toBeInTheDocument();
    const exportGroup = screen.getByRole('group', { name: 'Export' });
    for (const name of ['Picture as SVG', 'Picture as PNG', 'Trace as Markdown']) {
      expect(exportGroup).toContainElement(screen.getByRole('button', { name }));
    }
    expect(screen.getAllByRole('complementary').length).toBeGreaterThan(0);
  });
});
