import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { createMainThreadClient } from '../../worker/client';
import { createExplorePool } from '../../worker/pool';
import { App } from '../App';

vi.mock('../../worker/pool', async (original) => {
  const real = await original<typeof import('../../worker/pool')>();
  return { ...real, createExplorePool: vi.fn(real.createExplorePool) };
});

describe('the matrix’s workers', () => {
  it('start when the panel opens, before Compute is pressed, and Compute uses them', async () => {
    const user = userEvent.setup();
    const client = createMainThreadClient();
    render(<App client={client} scenarios={builtinScenarios} initialScenarioId="gup-munmap-uaf" />);
    await screen.findByText(/^Step 0 of/);
    expect(createExplorePool).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Matrix' }));
    const dialog = await screen.findByRole('dialog', { name: 'Design × mm-event matrix' });
    const compute = await within(dialog).findByRole('button', { name: 'Compute the matrix' }, { timeout: 10_000 });
    expect(createExplorePool).toHaveBeenCalledTimes(1);
    expect(createExplorePool).toHaveBeenCalledWith(client);
    await user.click(compute);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(createExplorePool).toHaveBeenCalledTimes(1);
  });
});
