import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DESIGN_TITLES } from '../../core';
import { renderApp } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';
import { NEAREST_CORRECT } from './nearest-correct';

describe('Compare two designs', () => {
  it('opens as a dialog on the scenario’s design against the nearest correct one, each with its bug switches', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Compare two designs' }));
    const dialog = screen.getByRole('dialog', { name: 'Compare two designs' });
    const nearest = NEAREST_CORRECT[fixtureScenario.design];
    expect(nearest).not.toBe(fixtureScenario.design);
    // The two designs' view loads on first use.
    expect(await within(dialog).findByRole('combobox', { name: 'Design A' })).toHaveValue(fixtureScenario.design);
    expect(within(dialog).getByRole('combobox', { name: 'Design B' })).toHaveValue(nearest);
    const a = within(dialog).getByRole('region', { name: `Design A: ${DESIGN_TITLES[fixtureScenario.design]}` });
    expect(a).toHaveTextContent(`Bug switches: ${fixtureScenario.bugs.join(', ')}`);
    const b = within(dialog).getByRole('region', { name: `Design B: ${DESIGN_TITLES[nearest]}` });
    expect(b).toHaveTextContent('Bug switches: none');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('maps every design to a different one', () => {
    for (const [design, nearest] of Object.entries(NEAREST_CORRECT)) expect(nearest, design).not.toBe(design);
  });
});
