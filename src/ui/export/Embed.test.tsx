import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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
