import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixtureAfterHazard, fixtureEvent, fixtureInitial } from '../test-fixtures';
import { ViewsGrid } from './ViewsGrid';

const names = ['vhost worker', 'munmap'];
const view = (title: RegExp) => screen.getByRole('region', { name: title });

describe('views', () => {
  it('draws every pointer as NULL and nothing freed in the initial state', () => {
    render(<ViewsGrid state={fixtureInitial} event={undefined} names={names} />);
    expect(screen.getByRole('img', { name: /0 live pointers, 0 pointing at freed frames/ })).toBeInTheDocument();
    expect(within(view(/vhost pointers/)).getAllByText(/= NULL/)).toHaveLength(3);
    expect(within(view(/vhost pointers/)).getByText('mmu_lock held by nobody')).toBeInTheDocument();
    expect(screen.queryByText(/changed/)).not.toBeInTheDocument();
  });

  it('labels pointers into freed or reused frames, not only by colour', () => {
    render(<ViewsGrid state={fixtureAfterHazard} event={fixtureEvent()} names={names} />);
    const pointers = view(/vhost pointers/);
    expect(within(pointers).getByRole('img', { name: /1 pointing at freed frames/ })).toBeInTheDocument();
    expect(within(pointers).getByText('dangling')).toBeInTheDocument();
    expect(within(pointers).getByText(/⚠ #2 REUSED/)).toBeInTheDocument();
    expect(within(pointers).getByText('mmu_lock held by vhost worker (1)')).toBeInTheDocument();
    expect(within(view(/Frames/)).getByText(/REUSED · corrupted ⚠ under live ptr/)).toBeInTheDocument();
  });

  it('highlights exactly what the last step changed, with a text marker', () => {
    render(<ViewsGrid state={fixtureAfterHazard} event={fixtureEvent({ changed: ['frames.2'] })} names={names} />);
    expect(view(/Frames/)).toHaveTextContent('· changed');
    expect(view(/QEMU page table/)).not.toHaveTextContent('· changed');
    const row = within(view(/Frames/))
      .getByText(/REUSED/)
      .closest('g');
    expect(row).toHaveAttribute('data-frame', '2');
    expect(within(row as unknown as HTMLElement).getByLabelText('changed by the last step')).toBeInTheDocument();
  });

  it('marks a TLB entry whose PTE is gone as STALE and shows zapped PTEs in words', () => {
    render(<ViewsGrid state={fixtureAfterHazard} event={undefined} names={names} />);
    expect(within(view(/TLBs/)).getByText(/4K user p0 → #0 STALE/)).toBeInTheDocument();
    expect(within(view(/TLBs/)).getByText(/2M direct map$/)).toBeInTheDocument();
    expect(within(view(/QEMU page table/)).getAllByText('none (zapped)')).toHaveLength(3);
  });

  it('shows used.idx as the guest reads it next to what vhost published', () => {
    render(<ViewsGrid state={{ ...fixtureAfterHazard, published: 1 }} event={undefined} names={names} />);
    const ring = view(/Guest ring/);
    expect(within(ring).getByText(/vhost published used.idx = 1/)).toBeInTheDocument();
    expect(within(ring).getByText(/guest reads used.idx = \d+/)).toBeInTheDocument();
    expect(within(ring).getByText(/desc 4096 B/)).toBeInTheDocument();
  });
});
