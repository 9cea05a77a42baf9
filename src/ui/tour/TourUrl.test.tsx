import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { builtinScenarios, defaultScenarioId } from '../../scenarios';
import { chapterHref } from '../../tour/chapter-run';
import { chapters } from '../../tour/chapters';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';

const href = (index: number) => chapterHref(index, builtinScenarios) ?? '';

describe('the address bar names the tour chapter', () => {
  it('keeps the chapter while stepping, gives each chapter its own entry, and Back reopens the previous one', async () => {
    window.history.replaceState(null, '', `/${href(0)}`);
    const user = userEvent.setup();
    render(
      <App
        client={createMainThreadClient()}
        scenarios={builtinScenarios}
        initialScenarioId={defaultScenarioId}
        syncUrl
      />,
    );
    await screen.findByRole('heading', { level: 2, name: chapters[0]?.title });
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(window.location.search).toMatch(/&i=3&c=\w{5}&tour=why-kernel-pointers$/));

    await user.keyboard('{PageDown}');
    await screen.findByRole('heading', { level: 2, name: chapters[1]?.title });
    await waitFor(() => expect(window.location.search).toBe(href(1)));

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    await screen.findByRole('heading', { level: 2, name: chapters[0]?.title });
    expect(window.location.search).toMatch(/tour=why-kernel-pointers$/);

    await user.click(screen.getByRole('button', { name: 'Close the tour' }));
    await waitFor(() => expect(window.location.search).not.toContain('tour='));
  });
});
