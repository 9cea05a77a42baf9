import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mutexScenario, narration, renderApp } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

describe('ScenarioList', () => {
  it('is a dialog that Escape closes, giving focus back to its button', async () => {
    const { user } = await renderApp();
    const opener = screen.getByRole('button', { name: 'All scenarios' });
    await user.click(opener);
    expect(screen.getByRole('dialog', { name: 'All scenarios' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('lists every scenario with its one-line summary and loads the one chosen', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'All scenarios' }));
    expect(screen.getByRole('dialog', { name: 'All scenarios' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Built-in scenarios' });
    const items = within(list).getAllByRole('button');
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(within(list).getByRole('button', { name: (n) => n.includes(fixtureScenario.title) })).toHaveAttribute(
      'aria-current',
      'true',
    );
    const mutex = within(list).getByRole('button', { name: (n) => n.includes(mutexScenario.title) });
    expect(mutex).toHaveTextContent(mutexScenario.summary);
    await user.click(mutex);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await within(narration()).findByText(`Start of “${mutexScenario.title}”.`)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(mutexScenario.id);
  });
});
