import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadMotion } from './motion-loader';
import { useAnimatedAttrs } from './useAnimatedAttrs';

function Bar({ x, ms }: { x: number; ms: number }) {
  const ref = useAnimatedAttrs<SVGGElement>({ x: String(x) }, { ms });
  return (
    <svg aria-label="chart">
      <g ref={ref} aria-label="bar" />
    </svg>
  );
}

// One file, in order: the movement code is a module-level lazy load, so the first test runs before it has loaded.
describe('useAnimatedAttrs', () => {
  it('sets a change at once while D3 has not loaded yet (the first screen does without it)', () => {
    const { rerender } = render(<Bar x={0} ms={300} />);
    expect(screen.getByLabelText('bar')).toHaveAttribute('x', '0');
    rerender(<Bar x={100} ms={300} />);
    expect(screen.getByLabelText('bar')).toHaveAttribute('x', '100');
  });

  it('moves a change over time once D3 has loaded', async () => {
    const { rerender } = render(<Bar x={100} ms={200} />);
    await loadMotion();
    rerender(<Bar x={200} ms={200} />);
    const bar = screen.getByLabelText('bar');
    expect(bar).toHaveAttribute('x', '100');
    await waitFor(() => expect(bar).toHaveAttribute('x', '200'));
  });

  it('still jumps at once under reduced motion after D3 has loaded', async () => {
    await loadMotion();
    const { rerender } = render(<Bar x={0} ms={0} />);
    rerender(<Bar x={50} ms={0} />);
    expect(screen.getByLabelText('bar')).toHaveAttribute('x', '50');
  });
});
