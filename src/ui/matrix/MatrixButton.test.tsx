import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppContext, type AppServices } from '../AppContext';
import { MatrixButton } from './MatrixButton';

const loaded = vi.hoisted(() => vi.fn());
const started = vi.hoisted(() => vi.fn());
vi.mock('./MatrixPanel', () => {
  loaded();
  return { default: () => null };
});
vi.mock('./matrix-pool', () => ({ matrixPool: started }));

describe('the Matrix button', () => {
  it('fetches the matrix’s code and starts its workers when a person points at it, and not before', async () => {
    const user = userEvent.setup();
    const client = { runsOnMainThread: false } as AppServices['client'];
    render(
      <AppContext.Provider value={{ client } as AppServices}>
        <MatrixButton />
      </AppContext.Provider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded).not.toHaveBeenCalled();
    expect(started).not.toHaveBeenCalled();
    await user.hover(screen.getByRole('button', { name: 'Matrix' }));
    await waitFor(() => expect(loaded).toHaveBeenCalledOnce());
    await waitFor(() => expect(started).toHaveBeenCalledWith(client));
  });
});
