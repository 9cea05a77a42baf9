import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mutexScenario, renderApp, runButton, runSchedule, stepCount } from '../test/render-app';

/** A code line by its whole text (member chains like `vq->mutex` sit in their own no-break span). */
const code = (text: string) => (_: string, element: Element | null) =>
  element?.tagName === 'CODE' && element.textContent === text;

describe('thread panes', () => {
  it('shows one pane per thread with a run button and the current line', async () => {
    await renderApp();
    const vhost = screen.getByRole('region', { name: /1\. vhost worker/ });
    expect(within(vhost).getByRole('button', { name: 'Run vhost worker (1)' })).toBeEnabled();
    expect(within(vhost).getByText(code('mutex_lock(&vq->mutex);')).closest('li')).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(runButton(/^Run munmap, gather batch full \(2\)$/)).toBeEnabled();
  });

  it('moves the current line when the thread runs', async () => {
    const { user } = await renderApp();
    await user.click(runButton(/^Run vhost worker/));
    await stepCount(1, 1);
    const vhost = screen.getByRole('region', { name: /1\. vhost worker/ });
    expect(within(vhost).getByText(code('if (vq->ptr) goto access;')).closest('li')).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('disables a blocked thread and says why', async () => {
    const { user } = await renderApp([mutexScenario]);
    await runSchedule(user, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const blocked = runButton(/^Run munmap/);
    expect(blocked).toBeDisabled();
    expect(blocked).toHaveAccessibleDescription(/Blocked: waits for vq->mutex, held by vhost worker/);
  });

  it('disables a finished thread with the reason', async () => {
    const { user } = await renderApp();
    let steps = 0;
    while (!runButton(/^Run vhost worker/).hasAttribute('disabled') && steps < 40) {
      await user.click(runButton(/^Run vhost worker/));
      steps += 1;
      await stepCount(steps, steps);
    }
    expect(runButton(/^Run vhost worker/)).toHaveAccessibleDescription(/Done/);
  });
});
