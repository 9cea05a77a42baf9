import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MatrixButton } from './MatrixButton';

const loaded = vi.hoisted(() => vi.fn());
vi.mock('./MatrixPanel', () => {
  loaded();
  return { default: () => null };
});

describe('the Matrix button', () => {
  it('fetches the matrix’s code when a person points at it, and not before', async () => {
    const user = userEvent.setup();
    render(<MatrixButton />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded).not.toHaveBeenCalled();
    await user.hover(screen.getByRole('button', { name: 'Matrix' }));
    await waitFor(() => expect(loaded).toHaveBeenCalledOnce());
  });
});
