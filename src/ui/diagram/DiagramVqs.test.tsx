import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replay } from '../../core';
import type { State } from '../../core/types';
import { scenarioById } from '../../scenarios';
import { Diagram } from './Diagram';

describe('the diagram with two virtqueues', () => {
  it('draws vq 1’s ring and its pointers, and names them in the text alternative', () => {
    const scenario = scenarioById('merged-second-vq');
    if (!scenario) throw new Error('missing scenario');
    const run = replay(scenario, scenario.story);
    const hazard = run.events.findIndex((e) => e.findings.some((f) => f.kind === 'use-after-free'));
    const state = run.states[hazard + 1] as State;
    render(<Diagram state={state} event={run.events[hazard]} font={14} />);
    const picture = screen.getByRole('group', { name: /the rings of vq 0 and vq 1/ });
    expect(within(picture).getByText('vq 1 ring page 0')).toBeInTheDocument();
    expect(within(picture).getByText('vq 0 r0 page 0 ◀ ring')).toBeInTheDocument();
    // The thread's name for the cached pointer, with vq 1's own field beside it.
    expect(within(picture).getByText(/^vqs\[1\]->maps\[1\] /)).toBeInTheDocument();
    expect(picture.getAttribute('aria-label')).toMatch(/dangling into freed memory/);
  });

  it('keeps the one-vq picture’s labels as they were', () => {
    const scenario = scenarioById('merged-rcu-revert');
    if (!scenario) throw new Error('missing scenario');
    render(<Diagram state={replay(scenario, []).states[0] as State} event={undefined} font={14} />);
    const picture = screen.getByRole('group', { name: /^At the start, / });
    expect(within(picture).getByText('r0 ring page 0 ◀ ring')).toBeInTheDocument();
    expect(within(picture).queryByText(/vq 1/)).toBeNull();
  });
});
