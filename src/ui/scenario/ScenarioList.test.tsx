import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mutexScenario, narration, renderApp } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

describe('ScenarioList', () => {
  it('lists every scenario with its one-line summary and loads the one chosen', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByText('All scenarios'));
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
    expect(await within(narration()).findByText(`Start of “${mutexScenario.title}”.`)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(mutexScenario.id);
  });
});
