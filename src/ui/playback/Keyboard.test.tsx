import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mutexScenario, renderApp, runSchedule, stepCount, useAfterFreeSchedule } from '../test/render-app';

describe('keyboard and the playback bar', () => {
  it('steps with the arrow keys and plays with Space right after a scenario is chosen in the select', async () => {
    const { user } = await renderApp();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), mutexScenario.id);
    await screen.findByText(`Start of “${mutexScenario.title}”.`);
    await user.keyboard('{ArrowRight}');
    await stepCount(1, 1);
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(mutexScenario.id);
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: /Pause/ })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: /^Play$/ })).toBeInTheDocument();
  });

  it('steps with ←/→ while the scenario select has focus, without switching the scenario', async () => {
    const { user } = await renderApp();
    const select = screen.getByRole('combobox', { name: 'Scenario' });
    const before = (select as HTMLSelectElement).value;
    select.focus();
    await user.keyboard('{ArrowRight}');
    await stepCount(1, 1);
    await user.keyboard('{ArrowLeft}');
    await stepCount(0, 1);
    expect(select).toHaveValue(before);
    expect(select).toHaveFocus();
  });

  it('goes to a typed step, and the hazard mark on the timeline is a button to its step', async () => {
    const { user } = await renderApp();
    await runSchedule(user, useAfterFreeSchedule);
    const last = useAfterFreeSchedule.length;
    const input = screen.getByRole('spinbutton', { name: 'Go to step' });
    await user.clear(input);
    await user.type(input, '3{Enter}');
    await stepCount(3, last);
    const mark = screen.getAllByRole('button', { name: /^Go to the hazard at step \d+$/ })[0];
    if (!mark) throw new Error('no hazard mark');
    const step = Number(/step (\d+)/.exec(mark.getAttribute('aria-label') ?? '')?.[1]);
    await user.click(mark);
    await stepCount(step, last);
    expect(within(screen.getByRole('alert')).getByText(/Hazard: something broke/)).toBeInTheDocument();
  });

  it('makes stepping forward the primary action and says when the history ends', async () => {
    const { user } = await renderApp();
    expect(screen.getByRole('button', { name: 'Step forward' })).toHaveClass('primary-action');
    expect(screen.getByText(/Last recorded step/)).toHaveAttribute('role', 'status');
    await user.keyboard('{ArrowRight}');
    await stepCount(1, 1);
    await user.keyboard('{ArrowLeft}');
    await stepCount(0, 1);
    expect(screen.queryByText(/Last recorded step/)).not.toBeInTheDocument();
  });

  it('toggles presenter mode with P', async () => {
    const { user } = await renderApp();
    const button = screen.getByRole('button', { name: 'Presenter mode (P)' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('p');
    expect(button).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('p');
    expect(button).toHaveAttribute('aria-pressed', 'false');
  });
});
