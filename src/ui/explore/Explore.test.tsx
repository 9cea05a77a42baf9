import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../core/types';
import { builtinScenarios } from '../../scenarios';
import { renderApp, stepCount } from '../test/render-app';

const scenario = (id: string) => builtinScenarios.find((s) => s.id === id) as Scenario;
const uaf = scenario('gup-munmap-uaf');
const safe = scenario('gup-munmap-seq-retry');
const large = scenario('interval-notifier-safe');
/** Safety then liveness, in slices of a few ms between which the page runs: many tasks on a loaded machine. */
const untilExplored = { timeout: 15_000 };
const status = () => within(screen.getByRole('region', { name: 'Explore every interleaving' })).getByRole('status');

async function openExploreTab(scenarios: Scenario[]) {
  const app = await renderApp(scenarios);
  await app.user.click(screen.getByRole('tab', { name: 'Explore' }));
  // The explorer's panel loads when its tab is first opened.
  await screen.findByRole('button', { name: 'Find every bad interleaving' });
  return app;
}

describe('Explore panel', { timeout: 30_000 }, () => {
  it('finds the use-after-free and opens its schedule in the stepper at the step that causes it', async () => {
    const { user } = await openExploreTab([uaf, safe]);
    await user.click(screen.getByRole('button', { name: 'Find every bad interleaving' }));
    const open = await screen.findByRole('button', { name: 'Open use-after-free in stepper' }, untilExplored);
    expect(status()).toHaveTextContent(
      'Complete: every interleaving explored up to the order of independent steps (partial-order reduction), 146 distinct states.',
    );
    const row = within(screen.getByRole('list', { name: 'Bad interleavings found' })).getByRole('listitem');
    expect(row).toHaveTextContent('Hazard: use after free');
    expect(row).toHaveTextContent('At step 14 of a 14-step schedule');
    expect(screen.getByText(/146 states · 463 transitions · depth 18 · [\d.,]+ ms/)).toBeInTheDocument();

    await user.click(open);
    await stepCount(14, 14);
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('Hazard: something broke');
    expect(banner).toHaveTextContent(/use after free/i);
    expect(banner).toHaveTextContent('Caused by this step (vhost worker)');
    expect(screen.getByRole('button', { name: 'Open use-after-free in stepper' })).toBeInTheDocument();
  }, 30_000);

  it('says safety holds for every interleaving when a complete search finds no hazard', async () => {
    const { user } = await openExploreTab([safe]);
    await user.click(screen.getByRole('button', { name: 'Find every bad interleaving' }));
    expect(
      await screen.findByText(
        /No hazard in any of the interleavings explored: the search was complete \(580 distinct/,
        {},
        untilExplored,
      ),
    ).toHaveTextContent('safety holds for every interleaving of this scenario');
    expect(screen.queryByRole('list', { name: 'Bad interleavings found' })).not.toBeInTheDocument();
  }, 30_000);

  it('explores every interleaving, without partial-order reduction, when its checkbox is cleared', async () => {
    const { user } = await openExploreTab([uaf, safe]);
    const reduce = screen.getByRole('checkbox', { name: /partial-order reduction/i });
    expect(reduce).toBeChecked();
    await user.click(reduce);
    await user.click(screen.getByRole('button', { name: 'Find every bad interleaving' }));
    await screen.findByRole('button', { name: 'Open use-after-free in stepper' }, untilExplored);
    expect(status()).toHaveTextContent('Complete: every interleaving explored, 400 distinct states.');
    expect(screen.getByText(/400 states · 614 transitions · depth 18 · [\d.,]+ ms/)).toBeInTheDocument();
  }, 30_000);

  it('reports liveness beside safety and opens the loop in the stepper as a lasso', async () => {
    const { user } = await openExploreTab([safe]);
    await user.click(screen.getByRole('button', { name: 'Find every bad interleaving' }));
    const verdicts = await screen.findByRole('list', { name: 'Liveness verdicts' }, untilExplored);
    const [unfair, fair] = within(verdicts).getAllByRole('listitem');
    expect(unfair).toHaveTextContent('Without fairness: Never progresses');
    expect(unfair).toHaveTextContent('munmap / MADV_DONTNEED could step at every point of the loop and never does');
    expect(unfair).toHaveTextContent('the loop starts after step 4 and runs steps 5–8, then repeats forever');
    expect(fair).toHaveTextContent('Under weak fairness: Live');

    await user.click(screen.getByRole('button', { name: 'Open the loop without fairness in stepper' }));
    await stepCount(4, 8);
    expect(
      screen.getByText(/Loop: steps 5–8 lead back to the state after step 4 and repeat forever without progress/),
    ).toBeInTheDocument();
    await user.keyboard('{End}');
    await stepCount(8, 8);
    await user.click(screen.getByRole('button', { name: 'Jump to the loop start (step 4)' }));
    await stepCount(4, 8);
  });

  it('shows progress while running and says a cancelled run is incomplete', async () => {
    const { user } = await openExploreTab([large]);
    await user.click(screen.getByRole('button', { name: 'Find every bad interleaving' }));
    expect(screen.getByRole('button', { name: 'Find every bad interleaving' })).toBeDisabled();
    await within(status()).findByText(/^Explored [\d,]+ states, depth \d+…$/);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await within(status()).findByText(/^Cancelled after [\d,]+ states: incomplete\.$/);
    expect(
      screen.getByText(/No hazard in the [\d,]+ states explored so far, but the search is incomplete/),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Find every bad interleaving' })).toHaveFocus();
  });

  it('cancels a running exploration and clears it when another scenario is chosen', async () => {
    const { user } = await openExploreTab([large, uaf]);
    await user.click(screen.getByRole('button', { name: 'Find every bad interleaving' }));
    await within(status()).findByText(/^Explored/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), uaf.id);
    await screen.findByText(`Start of “${uaf.title}”.`);
    expect(status()).toHaveTextContent(/^$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(status()).toHaveTextContent(/^$/);
    expect(screen.getByRole('button', { name: 'Find every bad interleaving' })).toBeEnabled();
  });

  it('moves between the tabs with the arrow keys without stepping the stepper', async () => {
    const { user } = await renderApp([uaf]);
    screen.getByRole('tab', { name: 'What happened' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Explore' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Explore' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('button', { name: 'Find every bad interleaving' })).toBeVisible();
    expect(screen.getByText('Step 0 of 0')).toBeInTheDocument();
  });

  it('says before any search that a large built-in stops at the bound, and where its verdict comes from', async () => {
    await openExploreTab([scenario('kmap-seq-large'), uaf]);
    const note = screen.getByText(/A large scenario: more interleavings than a browser tab holds/);
    expect(note).toHaveTextContent('the search stops at 300,000 states without a verdict');
    expect(note).toHaveTextContent('Export → Promela');
    expect(note).toHaveTextContent('npm run explore -- kmap-seq-large --spin');
  });

  it('shows no such note for a scenario the browser explores to the end', async () => {
    await openExploreTab([uaf]);
    expect(screen.queryByText(/For the verdict, use Export → Promela/)).not.toBeInTheDocument();
  });
});
