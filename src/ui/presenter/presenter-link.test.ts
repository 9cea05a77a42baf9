import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../url/decode';
import { encodeRunLink } from '../../url/encode';
import { isPresenterLink, withPresenter } from './presenter-link';

describe('presenter mode in a link', () => {
  it('is a parameter outside the checksum: the run decodes the same with it or without it', () => {
    const plain = encodeRunLink({ scenarioId: 'gup-munmap-uaf', schedule: [0, 0, 1], index: 2 });
    const presenting = withPresenter(plain, true);
    expect(isPresenterLink(presenting)).toBe(true);
    expect(isPresenterLink(plain)).toBe(false);
    expect(withPresenter(plain, false)).toBe(plain);
    expect(decode(presenting)).toEqual(decode(plain));
  });

  it('is on only for presenter=1, and reading any text never throws', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const search = `?presenter=${encodeURIComponent(value)}`;
        expect(isPresenterLink(search)).toBe(value === '1');
      }),
    );
    expect(isPresenterLink('%%%')).toBe(false);
  });
});
