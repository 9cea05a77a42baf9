import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../tour/sources';
import { renderApp } from '../test/render-app';
import { gainPercent, publishedFigures } from './published-figures';

describe('published figures beside the modelled chart', () => {
  it('every row cites a known thread post and its numbers give the gain shown', () => {
    for (const figure of publishedFigures) {
      const source = sourceOf(figure.source);
      expect(source?.kind, figure.version).toBe('thread');
      expect(figure.smapOn ?? figure.stated, figure.version).toBeDefined();
    }
    expect(gainPercent([5.0, 6.1])).toBe(22);
  });

  it('is a separate, labelled table next to the chart, which stays labelled as a model', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Compare two designs' }));
    const panel = await screen.findByRole('region', { name: 'Published figures' });
    const table = within(panel).getByRole('table', { name: /^Published figures: .*not computed by this model$/ });
    for (const figure of publishedFigures) {
      const row = within(table).getByRole('row', { name: new RegExp(`^${figure.version.replace(/[()]/g, '\\$&')}`) });
      const source = sourceOf(figure.source);
      if (source?.kind !== 'thread') throw new Error(figure.version);
      expect(within(row).getByRole('link', { name: source.title })).toHaveAttribute('href', source.url);
      expect(row).toHaveTextContent(`${source.who}, ${source.date}`);
      expect(row).toHaveTextContent(figure.setup);
    }
    expect(within(table).getByRole('row', { name: /^RFC V2 5\/5/ })).toHaveTextContent('5.0 → 6.1 (+22%)');
    expect(screen.getByText(/Modelled counts, a model of the steps and not measurements/)).toBeInTheDocument();
    expect(within(panel).queryByRole('img')).not.toBeInTheDocument();
  });
});
