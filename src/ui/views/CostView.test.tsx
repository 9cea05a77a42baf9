import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replay } from '../../core';
import { scenarioById } from '../../scenarios';
import { CostView } from './CostView';

describe('CostView', () => {
  it('shows the run totals and marks what the last step added, in text', () => {
    const scenario = scenarioById('tlb-reach-vmap-thp');
    if (!scenario) throw new Error('missing scenario');
    const run = replay(scenario, scenario.story.slice(0, 9));
    const state = run.states.at(-1);
    if (!state) throw new Error('no state');
    render(<CostView state={state} event={run.events.at(-1)} />);
    const table = screen.getByRole('table');
    const [, stepRow, totalRow] = within(table).getAllByRole('row');
    if (!stepRow || !totalRow) throw new Error('missing rows');
    expect(within(stepRow).getByRole('rowheader')).toHaveTextContent('this step');
    expect(
      within(totalRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '0', '0', '3', '0', '0', '1', '1', '0', '3', '0', '0']);
    expect(
      within(stepRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['+1', '·', '·', '·', '·', '·', '·', '·', '·', '+1', '·', '·']);
    expect(screen.getByRole('heading', { name: 'Cost (a model, not a measurement)' })).toBeInTheDocument();
  });

  it('says only reads pay the speculation barrier: __put_user and copy_to_user use __uaccess_begin (stac only)', () => {
    const scenario = scenarioById('copy-user-baseline');
    if (!scenario) throw new Error('missing scenario');
    const state = replay(scenario, scenario.story.slice(0, 2)).states.at(-1);
    if (!state) throw new Error('no state');
    render(<CostView state={state} event={undefined} />);
    const title = screen.getByRole('columnheader', { name: 'stac/clac' }).getAttribute('title') ?? '';
    expect(title).toMatch(/stac\/clac/);
    expect(title).toMatch(/reads? (also )?pay/);
    expect(title).not.toMatch(/pair plus the speculation barrier$/);
  });
});
