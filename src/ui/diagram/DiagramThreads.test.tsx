import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replay } from '../../core';
import type { State } from '../../core/types';
import { scenarioById } from '../../scenarios';
import { Diagram } from './Diagram';

describe('the picture’s thread boxes', () => {
  it('show each of the large built-in’s four threads whole, its name wrapped rather than cut', () => {
    const s = scenarioById('kmap-seq-large');
    if (!s) throw new Error('missing scenario');
    const run = replay(s, s.story);
    render(<Diagram state={run.states[17] as State} event={run.events[16]} font={14} />);
    const munmap = screen.getByRole('img', { name: /^munmap \/ MADV_DONTNEED \(used\): finished/ });
    expect(within(munmap).getByText('munmap /')).toBeInTheDocument();
    expect(within(munmap).getByText('MADV_DONTNEED (used)')).toBeInTheDocument();
    const reclaim = screen.getByRole('img', { name: /^reclaim \(kswapd\) \(avail\): may sleep \(process context\)/ });
    expect(within(reclaim).getByText('● may sleep')).toBeInTheDocument();
    expect(within(reclaim).getByText(/^waits for PG_locked/)).toBeInTheDocument();
    for (const name of ['vhost worker', 'munmap', 'migration', 'reclaim']) {
      const box = screen.getByRole('img', { name: new RegExp(`^${name}`) });
      expect(box.textContent).not.toContain('…');
    }
  });
});
