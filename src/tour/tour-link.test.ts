import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { decode } from '../url/decode';
import { encodeRunLink } from '../url/encode';
import { chapterHref } from './chapter-run';
import { chapters } from './chapters';
import { tourChapterOf, withTourChapter } from './tour-link';

describe('tour chapter links', () => {
  it('adds the chapter without touching the run: the link still decodes to the same run', () => {
    const run = { scenarioId: 'gup-munmap-uaf', schedule: [0, 0, 1], index: 2 };
    const plain = encodeRunLink(run);
    const toured = withTourChapter(plain, 3);
    expect(toured).toBe(`${plain}&tour=${chapters[3]?.id}`);
    expect(decode(toured)).toEqual(decode(plain));
    expect(withTourChapter(plain, null)).toBe(plain);
    expect(withTourChapter(plain, chapters.length)).toBe(plain);
  });

  it('puts the chapter before a fragment', () => {
    expect(withTourChapter('?v=2&t=0#x=abc', 0)).toBe(`?v=2&t=0&tour=${chapters[0]?.id}#x=abc`);
  });

  it('old links, and links without a tour, name no chapter', () => {
    expect(tourChapterOf('?v=1&s=gup-munmap-uaf&t=0.0&i=1')).toBeNull();
    expect(decode('?v=1&s=gup-munmap-uaf&t=0.0&i=1').status).toBe('ok');
  });

  it.each([
    '?tour=',
    '?tour=nope',
    '?tour=WHY-KERNEL-POINTERS',
    `?tour=${'a'.repeat(70)}`,
    '?tour=%E0%A4%A',
    '#tour=why-kernel-pointers',
    '\u0000?tour=<script>',
  ])('an unknown or malformed chapter %j is ignored, never thrown', (text) => {
    expect(tourChapterOf(text)).toBeNull();
  });

  it('every chapter link names its own chapter', () => {
    chapters.forEach((_, index) => {
      expect(tourChapterOf(chapterHref(index, builtinScenarios) ?? '')).toBe(index);
    });
    expect(chapterHref(0, [])).toBeNull();
  });
});
