import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { encodeRunLink } from '../../url/encode';
import { MAX_LINK_CHARS } from '../../url/run-link-types';
import { noteMarkdown, ownTourHandout } from './handout';
import { notePieces, safeHref } from './note-markup';
import { decodeOwnTour, encodeOwnTour, readOwnTourJson } from './own-link';
import type { OwnTour } from './own-tour';

const first = builtinScenarios[0];
if (!first) throw new Error('no built-in scenario');
const run = (index: number) => encodeRunLink({ scenarioId: first.id, schedule: [...first.story], index });
const tour: OwnTour = {
  format: 1,
  title: 'Week 5: the vhost race',
  stops: [
    { run: run(1), note: 'Look at *the refcount*.' },
    {
      run: run(3),
      note: 'Now `put_page` runs; see [the patch](https://lore.kernel.org/all/x/).',
      predict: { kind: 'refcount', ringPage: 0 },
    },
    { run: run(5), note: 'And here it breaks.' },
  ],
};

describe('a tour of one’s own', () => {
  it('round-trips through its link: versioned, compressed, checksummed, within the link cap', () => {
    const text = encodeOwnTour(tour);
    expect(text).toMatch(/^\?own=1&c=[0-9a-z]{5}#o=[A-Za-z0-9+\-$]+$/);
    expect((text ?? '').length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(decodeOwnTour(text ?? '')).toEqual({ status: 'ok', tour });
    expect(decodeOwnTour(run(1))).toEqual({ status: 'none' });
  });

  it('notices a changed, cut or foreign link and says so, never throwing', () => {
    const text = encodeOwnTour(tour) ?? '';
    const flipped = text.replace(/#o=(.)/, (_m, c: string) => `#o=${c === 'A' ? 'B' : 'A'}`);
    expect(decodeOwnTour(flipped)).toMatchObject({ status: 'error', error: /checksum/ });
    expect(decodeOwnTour(text.slice(0, text.length - 10))).toMatchObject({ status: 'error' });
    expect(decodeOwnTour(text.replace('own=1', 'own=9'))).toMatchObject({ status: 'error', error: /another version/ });
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        expect(decodeOwnTour(`?own=1&c=abcde#o=${junk}`).status).toBe('error');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a tour file that breaks the format, naming the field', () => {
    expect(readOwnTourJson('{"format":1,"title":"t","stops":[]}')).toMatchObject({ error: /stops: a list of 1 to/ });
    expect(readOwnTourJson('{"format":1,"title":"t","stops":[{"run":"javascript:1","note":""}]}')).toMatchObject({
      error: /stops\[0\]\.run/,
    });
    expect(readOwnTourJson(`{"format":1,"title":"t","stops":${'['.repeat(40)}${']'.repeat(40)}}`)).toMatchObject({
      error: /deeper/,
    });
    expect(readOwnTourJson(JSON.stringify(tour))).toEqual({ status: 'ok', tour });
  });

  it('keeps notes to text, emphasis, code and https links', () => {
    expect(notePieces('a *b* `c` [d](https://e.org/) <script>x</script> [f](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'em', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'd', href: 'https://e.org/' },
      { kind: 'text', text: ' <script>x</script> [f](javascript:alert(1))' },
    ]);
    for (const bad of ['http://a.org', 'javascript:alert(1)', 'data:text/html,x', 'https://u:p@a.org', '//a.org'])
      expect(safeHref(bad), bad).toBeNull();
    expect(noteMarkdown('<b>hi</b> *x*')).toBe('\\<b\\>hi\\</b\\> *x*');
    expect(notePieces('gup_fast then `put_page` and _this_')).toEqual([
      { kind: 'text', text: 'gup_fast then ' },
      { kind: 'code', text: 'put_page' },
      { kind: 'text', text: ' and ' },
      { kind: 'em', text: 'this' },
    ]);
  });

  it('exports a Markdown handout holding each stop’s note and a link to it', () => {
    const md = ownTourHandout(tour, builtinScenarios, 'https://ringside.example/', encodeOwnTour(tour));
    expect(md).toContain('# Week 5: the vhost race');
    expect(md).toContain(`## Stop 2: ${first.title.replace(/([\\`*_[\]<>|#!])/g, '\\$1')}, step 3`);
    expect(md).toContain('Look at *the refcount*.');
    expect(md).toContain('[the patch](https://lore.kernel.org/all/x/)');
    expect(md).toContain(`Open this stop: https://ringside.example/${run(5)}`);
  });
});
