import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replay } from '../../core';
import { scenarioById } from '../../scenarios';
import { HazardBanner } from './HazardBanner';

describe('HazardBanner', () => {
  it('names a deadlock once: the kind, then the message without repeating “Deadlock:”', () => {
    const scenario = scenarioById('ksm-dirty-lock');
    if (!scenario) throw new Error('missing scenario');
    const run = replay(scenario, scenario.story);
    const state = run.states.at(-1);
    if (!state) throw new Error('no state');
    const deadlock = state.findings.find((f) => f.kind === 'deadlock');
    expect(deadlock?.message).toMatch(/^Deadlock: /);
    render(<HazardBanner findings={state.findings} names={['vhost worker', 'KSM']} index={run.events.length} />);
    const item = screen.getAllByRole('listitem').find((li) => li.textContent?.startsWith('deadlock'));
    expect(item).toBeDefined();
    expect(item?.textContent).toMatch(/^deadlock: no thread can move\./);
    expect(item?.textContent).not.toMatch(/deadlock: deadlock/i);
  });

  it('keeps a message that does not start with its kind as it is', () => {
    const scenario = scenarioById('gup-munmap-uaf');
    if (!scenario) throw new Error('missing scenario');
    const state = replay(scenario, scenario.story).states.at(-1);
    if (!state) throw new Error('no state');
    const uaf = state.findings.find((f) => f.kind === 'use-after-free');
    render(<HazardBanner findings={state.findings} names={['vhost worker', 'munmap']} index={99} />);
    expect(screen.getAllByRole('listitem')[0]?.textContent).toContain(`use after free: ${uaf?.message}`);
  });
});
