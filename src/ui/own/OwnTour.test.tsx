import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeOwnTour } from '../../tour/own/own-link';
import { encodeRunLink } from '../../url/encode';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';
import { renderApp, stepCount } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';
import { OWN_TOUR_KEY } from './kept-tour';

afterEach(() => window.localStorage.clear());

describe('a tour of one’s own', () => {
  it('is built from steps shown, kept across closing the builder, and plays with Page Down', async () => {
    const { user } = await renderApp();
    await user.keyboard('{ArrowRight}');
    await stepCount(1, 1);
    await user.click(screen.getByRole('button', { name: 'Your own tour' }));
    let builder = await screen.findByRole('dialog', { name: 'Tour builder' });
    await user.type(await within(builder).findByRole('textbox', { name: 'Tour title' }), 'Week 5');
    await user.click(within(builder).getByRole('button', { name: 'Add the step shown' }));
    await user.type(within(builder).getByRole('textbox', { name: 'Note for stop 1' }), 'Look at *this* <b>x</b>');
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowRight}');
    await stepCount(2, 2);
    await user.click(screen.getByRole('button', { name: 'Your own tour' }));
    builder = await screen.findByRole('dialog', { name: 'Tour builder' });
    expect(await within(builder).findByRole('textbox', { name: 'Note for stop 1' })).toHaveValue(
      'Look at *this* <b>x</b>',
    );
    await user.click(within(builder).getByRole('button', { name: 'Add the step shown' }));
    await user.type(within(builder).getByRole('textbox', { name: 'Note for stop 2' }), 'Second');
    await user.click(within(builder).getByRole('button', { name: 'Move stop 2 up' }));
    expect(within(builder).getByRole('textbox', { name: 'Note for stop 1' })).toHaveValue('Second');
    await user.click(within(builder).getByRole('button', { name: 'Play the tour' }));

    const panel = await screen.findByRole('region', { name: 'Week 5' });
    expect(within(panel).getByText('Your tour · stop 1 of 2')).toBeInTheDocument();
    await stepCount(2, 2);
    await user.keyboard('{PageDown}');
    expect(await within(panel).findByText('Your tour · stop 2 of 2')).toBeInTheDocument();
    await stepCount(1, 1);
    expect(within(panel).getByText('this').tagName).toBe('EM');
    expect(within(panel).getByText(/<b>x<\/b>/)).toBeInTheDocument();
    expect(panel.querySelector('b')).toBeNull();
    expect(JSON.parse(window.localStorage.getItem(OWN_TOUR_KEY) ?? '{}')).toMatchObject({ title: 'Week 5' });
  });

  it('opens from its link at the first stop', async () => {
    const run = encodeRunLink({ scenarioId: fixtureScenario.id, schedule: [0, 0], index: 1 });
    const link = encodeOwnTour({ format: 1, title: 'Linked', stops: [{ run, note: 'From a link' }] }) ?? '';
    render(
      <App
        client={createMainThreadClient()}
        scenarios={[fixtureScenario]}
        initialScenarioId={fixtureScenario.id}
        linkText={link}
      />,
    );
    const panel = await screen.findByRole('region', { name: 'Linked' });
    expect(within(panel).getByText('From a link')).toBeInTheDocument();
    await stepCount(1, 2);
  });

  it('says what is wrong with a broken tour link and opens the default scenario', async () => {
    render(
      <App
        client={createMainThreadClient()}
        scenarios={[fixtureScenario]}
        initialScenarioId={fixtureScenario.id}
        linkText="?own=1&c=zzzzz#o=AAAA"
      />,
    );
    expect(await screen.findByText(/This tour link cannot be opened\. .*checksum/)).toBeInTheDocument();
    await stepCount(0, 0);
  });
});
