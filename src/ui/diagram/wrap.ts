import { fitText, textWidth } from './values';

/** Breaks that read well, tried before spaces: after a colon, a comma, a slash or a dot between words. */
const PHRASE_BREAK = /(?<=: |, | \/ | · )/;

/** Greedy packing of `parts` into lines no wider than `room` ems; a part wider than a line stays whole. */
function pack(parts: readonly string[], room: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const joined = current + part;
    if (current && textWidth(joined.trimEnd()) > room) {
      lines.push(current.trimEnd());
      current = part;
    } else current = joined;
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}

/**
 * `text` as lines that fit `width` user units at text size `font`: broken after a colon, comma or slash where that
 * suffices, else between words; only a single word wider than a whole line is cut with an ellipsis.
 */
export function wrapText(text: string, width: number, font: number): string[] {
  const room = width / font;
  if (textWidth(text) <= room) return [text];
  return pack(text.split(PHRASE_BREAK), room).flatMap((phrase) =>
    textWidth(phrase) <= room
      ? [phrase]
      : pack(phrase.split(/(?<= )/), room).map((line) => (textWidth(line) <= room ? line : fitText(line, width, font))),
  );
}
