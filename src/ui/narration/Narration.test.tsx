import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { narration, renderApp, runSchedule, stepCount, useAfterFreeSchedule } from '../test/render-app';

describe('narration', () => {
  it('starts with the scenario summary and then narrates each step with its function, detail and explanation', async () => {
    const { user } = await renderApp();
    expect(within(narration()).getByText('A hand-made scenario for tests.')).toBeInTheDocument();
    await runSchedule(user, [0, 0, 0]);
    const region = narration();
    expect(within(region).getByText(/Step 3: vhost worker ran/)).toBeInTheDocument();
    expect(within(region).getByText('READ_ONCE + smp_rmb')).toBeInTheDocument();
    expect(within(region).getByText('Snapshot mmu_seq = 0.')).toBeInTheDocument();
  });

  it('is a polite live region', async () => {
    await renderApp();
    expect(within(narration()).getByTestId('narration')).toHaveAttribute('aria-live', 'polite');
  });

  it('paraphrases the review-thread point of the step and links to the public archive', async () => {
    const { user } = await renderApp();
    await runSchedule(user, [0, 0, 0]);
    const point = within(narration()).getByRole('complementary', { name: 'From the 2019 review thread' });
    expect(point).toHaveTextContent(/Andrea Arcangeli, 2019-03-08/);
    expect(within(point).getByRole('link', { name: 'Read it in the public archive' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^https:\/\/lore\.kernel\.org\//),
    );
  });
});

describe('hazard banner', () => {
  it('appears with the message, the step that caused it and the rule, and goes away when stepping back', async () => {
    const { user } = await renderApp();
    expect(screen.queryByText(/Hazard: something broke/)).not.toBeInTheDocument();
    await runSchedule(user, useAfterFreeSchedule);
    const last = useAfterFreeSchedule.length;
    const banner = screen.getAllByRole('alert').find((el) => el.textContent?.includes('Hazard'));
    expect(banner).toBeDefined();
    expect(banner).toHaveTextContent(/use after free/i);
    expect(banner).toHaveTextContent(/wrote to frame #2 .* after the frame was freed/);
    expect(banner).toHaveTextContent('Caused by this step (vhost worker).');
    expect(banner).toHaveTextContent(/Rule that would have prevented it: .*re-check seq\/count/);
    expect(screen.getByRole('group', { name: /[1-9] of them dangling into freed memory/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Step back/ }));
    await stepCount(last - 1, last);
    expect(screen.queryByText(/Hazard: something broke/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Jump to the first hazard \(step 14\)/ })).toBeInTheDocument();
  });
});
