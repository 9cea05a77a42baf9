import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tourDoc } from './tour-doc';

describe('docs/tour.md', () => {
  it('lists exactly the chapters and sources of the tour (run `npm run docs:tour` after changing them)', () => {
    const onDisk = readFileSync(new URL('../../docs/tour.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(tourDoc());
  });
});
