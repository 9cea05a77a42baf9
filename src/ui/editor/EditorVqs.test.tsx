import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { decode } from '../../url/decode';
import { renderApp } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

describe('the scenario editor’s Virtqueues field', () => {
  it('shows the validator’s limit beside it, and shares a two-vq scenario in a link', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Edit scenario' }));
    const editor = screen.getByRole('dialog', { name: 'Scenario editor' });
    // The editor's code loads on first use.
    const vqs = await within(editor).findByRole('combobox', { name: 'Virtqueues' });
    expect(vqs).toHaveValue('1');
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Ring size' }), '1024');
    await user.selectOptions(vqs, '2');
    expect(within(editor).getByText(/^vqs: 2 needs ringSize 256 or less/)).toBeInTheDocument();
    expect(within(editor).getByRole('button', { name: 'Run in the stepper' })).toBeDisabled();
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Ring size' }), '256');
    expect(within(editor).getByRole('status')).toHaveTextContent('The scenario is valid.');

    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(within(editor).getByRole('button', { name: 'Copy a link to this scenario' }));
    const url = new URL(writeText.mock.calls[0]?.[0] ?? '');
    expect(decode(url.search + url.hash, [fixtureScenario])).toMatchObject({
      status: 'ok',
      link: { edited: { vqs: 2, ringSize: 256 } },
    });
  });
});
