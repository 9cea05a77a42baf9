import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { narration, renderApp, runButton, stepCount } from '../test/render-app';

describe('playback', () => {
  it('steps a chosen thread, steps back to the start and forward again along the recorded schedule', async () => {
    const { user } = await renderApp();
    await user.click(runButton(/^Run vhost worker \(1\)$/));
    await stepCount(1, 1);
    expect(within(narration()).getByText(/Step 1: vhost worker ran/)).toBeInTheDocument();
    expect(within(narration()).getByText('Round 1 of 1 begins.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await stepCount(0, 1);
    expect(within(narration()).getByText(/Start of/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Step back/ })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /Step forward/ }));
    await stepCount(1, 1);
    expect(within(narration()).getByText('Round 1 of 1 begins.')).toBeInTheDocument();
  });

  it('jumps to the start and the end, and scrubs with the timeline', async () => {
    const { user } = await renderApp();
    for (let i = 0; i < 3; i++) {
      await user.click(runButton(/^Run vhost worker/));
      await stepCount(i + 1, i + 1);
    }
    await user.click(screen.getByRole('button', { name: /Jump to start/ }));
    await stepCount(0, 3);
    await user.click(screen.getByRole('button', { name: /Jump to end/ }));
    await stepCount(3, 3);
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    expect(timeline).toHaveValue('3');
    fireEvent.change(timeline, { target: { value: '1' } });
    await stepCount(1, 3);
    expect(within(narration()).getByText(/Step 1: vhost worker/)).toBeInTheDocument();
  });

  it('lets Ringside pick, following the story, and truncates the future when another thread is chosen', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Let Ringside pick' }));
    await user.click(screen.getByRole('button', { name: 'Let Ringside pick' }));
    await stepCount(2, 2);
    expect(within(narration()).getByText(/Step 2: munmap/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await stepCount(1, 2);
    await user.click(runButton(/^Run vhost worker/));
    await stepCount(2, 2);
    expect(within(narration()).getByText(/Step 2: vhost worker/)).toBeInTheDocument();
  });

  it('drives playback from the keyboard', async () => {
    const { user } = await renderApp();
    await user.keyboard('1');
    await stepCount(1, 1);
    await user.keyboard('2');
    await stepCount(2, 2);
    await user.keyboard('{ArrowLeft}');
    await stepCount(1, 2);
    await user.keyboard('{Home}');
    await stepCount(0, 2);
    await user.keyboard('{End}');
    await stepCount(2, 2);
    await user.keyboard('{ArrowRight}');
    await stepCount(3, 3);
  });

  it('plays with Space and pauses again', async () => {
    const { user } = await renderApp();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: /Pause/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/Step [1-9]\d* of/)).toBeInTheDocument(), { timeout: 2000 });
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: /^Play$/ })).toBeInTheDocument();
  });
});
