import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidth } from './values';
import { wrapText } from './wrap';

const FONT = 14;

describe('wrapText', () => {
  it('keeps one line that fits as it is', () => {
    expect(wrapText('vhost worker', 200, FONT)).toEqual(['vhost worker']);
  });

  it('breaks after a colon, comma or slash before it breaks between words', () => {
    const lines = wrapText('▲ atomic: spinlock held, RCU read side', 14 * 11, FONT);
    expect(lines[0]).toBe('▲ atomic:');
    expect(lines.join(' ')).toBe('▲ atomic: spinlock held, RCU read side');
    expect(wrapText('munmap / MADV_DONTNEED (used)', 14 * 14, FONT)).toEqual(['munmap /', 'MADV_DONTNEED (used)']);
  });

  it('loses no word and keeps every line within the width, unless one word alone is wider than a line', () => {
    const word = fc.stringMatching(/^[a-zA-Z_>()#-]{1,14}$/);
    const sep = fc.constantFrom(' ', ': ', ', ', ' / ');
    const text = fc
      .tuple(word, fc.array(fc.tuple(sep, word), { maxLength: 8 }))
      .map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 9, max: 30 }), (t, ems) => {
        const lines = wrapText(t, ems * FONT, FONT);
        const longest = Math.max(...t.split(/ /).map(textWidth));
        if (longest <= ems) {
          expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(t.replace(/\s+/g, ' '));
          for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(ems);
        } else expect(lines.some((line) => line.endsWith('…'))).toBe(true);
      }),
    );
  });
});
