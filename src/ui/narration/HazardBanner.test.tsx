import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

  it('has a button naming its kinds that opens its details, closed again when the findings change', async () => {
    const scenario = scenarioById('gup-munmap-uaf');
    if (!scenario) throw new Error('missing scenario');
    const run = replay(scenario, scenario.story);
    const state = run.states.at(-1);
    if (!state) throw new Error('no state');
    const names = ['vhost worker', 'munmap'];
    const { rerender } = render(<HazardBanner findings={state.findings} names={names} index={99} />);
    const banner = screen.getByRole('alert');
    const kinds = state.findings.filter((f) => f.severity === 'hazard').map((f) => f.kind.replace(/-/g, ' '));
    expect(kinds.length).toBeGreaterThan(0);
    const details = within(banner).getByRole('button', { name: /^Hazard: / });
    for (const kind of kinds) expect(details).toHaveAccessibleName(expect.stringContaining(kind));
    expect(details).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(details.getAttribute('aria-controls') ?? '')).toBe(banner.querySelector('ul'));
    await userEvent.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(banner).toHaveClass('banner-open');
    // The same findings again (a re-render) keep it open; another run's close it.
    rerender(<HazardBanner findings={[...state.findings]} names={names} index={99} />);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    const other = scenarioById('ksm-dirty-lock');
    if (!other) throw new Error('missing scenario');
    const otherState = replay(other, other.story).states.at(-1);
    rerender(<HazardBanner findings={otherState?.findings ?? []} names={names} index={99} />);
    expect(within(screen.getByRole('alert')).getByRole('button', { name: /^Hazard: deadlock/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });
});
