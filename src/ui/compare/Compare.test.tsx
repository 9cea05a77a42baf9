import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { init, type State, step } from '../../core';
import type { Scenario } from '../../core/types';
import { renderApp, runSchedule, useAfterFreeSchedule } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

/** What the core does with a schedule, step by step: the threads that ran and the first hazard's position. */
function runWithCore(scenario: Scenario, schedule: readonly number[]) {
  let state: State = init(scenario);
  const ran: number[] = [];
  let hazard: number | null = null;
  for (const thread of schedule) {
    const result = step(state, thread);
    if (!result.ok) break;
    if (hazard === null && result.event.findings.some((f) => f.severity === 'hazard')) hazard = ran.length;
    ran.push(thread);
    state = result.state;
  }
  return { ran, hazard };
}

describe('two interleavings compared', () => {
  it('marks where the run shown and a serial schedule diverge and where the run shown breaks', async () => {
    const { user } = await renderApp();
    await runSchedule(user, useAfterFreeSchedule);
    await user.click(screen.getByRole('button', { name: 'Compare two schedules' }));
    const inputA = await screen.findByRole('textbox', { name: 'Schedule A' });
    const inputB = await screen.findByRole('textbox', { name: 'Schedule B' });
    expect(inputA).toHaveValue(useAfterFreeSchedule.map((t) => t + 1).join(' '));

    const serial = [...useAfterFreeSchedule].sort((x, y) => x - y);
    fireEvent.change(inputB, { target: { value: serial.map((t) => t + 1).join(' ') } });
    const a = runWithCore(fixtureScenario, useAfterFreeSchedule);
    const b = runWithCore(fixtureScenario, serial);
    const diverge = a.ran.findIndex((thread, i) => thread !== b.ran[i]);
    expect(diverge).toBeGreaterThanOrEqual(0);
    expect(a.hazard).not.toBeNull();

    const summary = screen.getByRole('list', { name: 'How the two schedules differ' });
    expect(within(summary).getByText(new RegExp(`^They first diverge at step ${diverge + 1}:`))).toBeInTheDocument();
    expect(within(summary).getByText(new RegExp(`^A breaks at step ${(a.hazard ?? 0) + 1} `))).toBeInTheDocument();
    const bSentence = b.hazard === null ? /^B does not break/ : new RegExp(`^B breaks at step ${b.hazard + 1} `);
    expect(within(summary).getByText(bSentence)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: new RegExp(`diverge at step ${diverge + 1}`) })).toBeInTheDocument();
  });

  it('is a dialog that keeps the typed schedules across closing and a new visit', async () => {
    const first = await renderApp();
    await first.user.click(screen.getByRole('button', { name: 'Compare two schedules' }));
    const dialog = screen.getByRole('dialog', { name: 'Compare two schedules' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Schedule B' }), { target: { value: '2 1' } });
    await first.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Compare two schedules' })).toHaveFocus();
    await first.user.click(screen.getByRole('button', { name: 'Compare two schedules' }));
    expect(screen.getByRole('textbox', { name: 'Schedule B' })).toHaveValue('2 1');
    cleanup();
    const second = await renderApp();
    await second.user.click(screen.getByRole('button', { name: 'Compare two schedules' }));
    expect(screen.getByRole('textbox', { name: 'Schedule B' })).toHaveValue('2 1');
    window.localStorage.clear();
  });

  it('says what is wrong with a schedule that is not thread numbers, without comparing', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Compare two schedules' }));
    const inputB = await screen.findByRole('textbox', { name: 'Schedule B' });
    fireEvent.change(inputB, { target: { value: '1 2 <b>9</b>' } });
    expect(inputB).toHaveAttribute('aria-invalid', 'true');
    expect(inputB).toHaveAccessibleDescription('“<b>9</b>” is not a thread number from 1 to 2.');
    expect(screen.queryByRole('img', { name: /diverge/ })).not.toBeInTheDocument();
  });
});
