import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ExploreResult } from '../../core/explore/engine/machine';
import { exploreScenario } from '../../core/explore/ringside/ringside';
import { builtinScenarios } from '../../scenarios';
import { matrixCells } from '../../state/matrix-run';
import { createMainThreadClient, type SimClient } from '../../worker/client';
import type { ExploreCall } from '../../worker/explore-client';
import { App } from '../App';

const EXPLORED = 'cell-kmap-seq-munmap-skip-seq-check';

/** The real simulation, but only one cell is really explored; every other cell reports a complete, clean search. */
function clientWithOneCell(): SimClient {
  const real = createMainThreadClient();
  const clean = { status: 'complete', complete: true, states: 5, findings: [] } as unknown as ExploreResult;
  const explore = (call: ExploreCall) => ({
    result: Promise.resolve(call.scenario.id === EXPLORED ? exploreScenario(call.scenario, { liveness: true }) : clean),
    cancel: () => {},
  });
  return { ...real, runsOnMainThread: true, step: real.step, replay: real.replay, explore, terminate: real.terminate };
}

describe('the matrix', () => {
  it('fills every cell with its verdict and findings, then opens a cell’s shortest counterexample', {
    timeout: 150_000,
  }, async () => {
    const user = userEvent.setup();
    render(<App client={clientWithOneCell()} scenarios={builtinScenarios} initialScenarioId="gup-munmap-uaf" />);
    await screen.findByText(/^Step 0 of/);
    await user.click(screen.getByRole('button', { name: 'Matrix' }));
    const dialog = await screen.findByRole('dialog', { name: 'Design × mm-event matrix' });
    await user.click(await within(dialog).findByRole('button', { name: 'Compute the matrix' }, { timeout: 10_000 }));
    const total = matrixCells().length;
    await within(dialog).findByText(
      new RegExp(`^${total} of ${total} cells, .*: complete\\.`),
      {},
      { timeout: 120_000 },
    );
    const cell = within(dialog).getByRole('button', {
      name: /^kmap-seq \+ skip-seq-check against munmap: safety fails; use after free/,
    });
    expect(cell).toHaveTextContent('✗ UAF');
    expect(cell).toHaveAccessibleName(/vhost always progresses under weak fairness/);
    expect(cell).toHaveTextContent(/↻ ✓ live/);
    expect(within(dialog).getByRole('list', { name: 'Liveness' })).toHaveTextContent('STARVE');
    expect(within(dialog).getAllByRole('button', { name: /safety holds/ }).length).toBeGreaterThan(50);
    expect(within(dialog).getByRole('list', { name: 'Finding names' })).toHaveTextContent('UAF use after free');

    await user.click(cell);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(EXPLORED));
    const banner = await screen.findByText(
      (_, el) => el?.getAttribute('role') === 'alert' && /Hazard/.test(el.textContent ?? ''),
    );
    expect(banner).toHaveTextContent(/use after free/i);
    expect(screen.getByText(/^Step (\d+) of \1$/)).toBeInTheDocument();
  });
});
