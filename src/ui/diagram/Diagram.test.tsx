import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replay } from '../../core';
import type { State } from '../../core/types';
import { scenarioById } from '../../scenarios';
import { renderApp } from '../test/render-app';
import { fixtureAfterHazard, fixtureEvent } from '../test-fixtures';
import { Diagram } from './Diagram';
import { keyTexts } from './key-entries';

describe('the diagram', () => {
  it('has a one-sentence text alternative that changes with the step', () => {
    const s = scenarioById('gup-munmap-uaf');
    if (!s) throw new Error('missing scenario');
    const run = replay(s, s.story);
    const { rerender } = render(<Diagram state={run.states[0] as State} event={undefined} font={14} />);
    const first = screen.getByRole('group', { name: /^At the start, .*\.$/ });
    const name = first.getAttribute('aria-label');
    rerender(<Diagram state={run.states[1] as State} event={run.events[0]} font={14} />);
    const next = screen.getByRole('group', { name: /^After step 1, .*\.$/ });
    expect(next.getAttribute('aria-label')).not.toBe(name);
    expect(next.getAttribute('aria-label')?.split('. ')).toHaveLength(1);
  });

  it('labels a dangling pointer in words and marks the changed frame with a Δ, not colour alone', () => {
    render(<Diagram state={fixtureAfterHazard} event={fixtureEvent({ changed: ['frames.2'] })} font={14} />);
    const picture = screen.getByRole('group', { name: /dangling into freed memory/ });
    expect(within(picture).getAllByText('dangling').length).toBeGreaterThan(0);
    const changed = within(picture).getByLabelText('changed by this step');
    expect(changed.closest('[data-node]')).toHaveAttribute('data-node', 'frame-2');
  });

  it('keeps the tables as a detail view behind a toggle', async () => {
    const { user } = await renderApp();
    expect(screen.getByRole('group', { name: /^At the start, / })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /QEMU page table/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the tables' }));
    expect(await screen.findByRole('region', { name: /QEMU page table/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide the tables' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens the Key on demand, loading it on first use, with every entry of the legend', async () => {
    const { user } = await renderApp();
    expect(screen.queryByRole('region', { name: 'Key' })).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Key' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const key = await screen.findByRole('region', { name: 'Key' });
    expect(button).toHaveAttribute('aria-controls', key.id);
    expect(within(key).getAllByRole('listitem')).toHaveLength(keyTexts().length);
    expect(within(key).getByText(keyTexts()[0] ?? '')).toBeInTheDocument();
    await user.click(button);
    expect(screen.queryByRole('region', { name: 'Key' })).not.toBeInTheDocument();
  });
});
