import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../scenarios';
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

  it('marks a large built-in: the explorer stops at its bound, and Spin gives the verdict', async () => {
    const large = scenarioById('kmap-seq-large');
    if (!large) throw new Error('kmap-seq-large is a built-in');
    const { user } = await renderApp([fixtureScenario, large]);
    await user.click(screen.getByRole('button', { name: 'All scenarios' }));
    const list = screen.getByRole('list', { name: 'Built-in scenarios' });
    const item = within(list).getByRole('button', { name: (n) => n.includes(large.title) });
    expect(item).toHaveTextContent('large: the explorer stops at 300,000 states without a verdict');
    expect(item).toHaveTextContent('Export → Promela for Spin');
    const other = within(list).getByRole('button', { name: (n) => n.includes(fixtureScenario.title) });
    expect(other).not.toHaveTextContent('large:');
  });
});
