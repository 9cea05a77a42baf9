import type { Segment, TextLine } from './model';

/** `label value`, or `label old → value` when the value changed in this step (the old part fades, see diagram.css). */
export function valueLine(label: string, value: number | string, old: number | string | undefined): TextLine {
  if (old === undefined || old === value) return `${label}${value}`;
  const parts: Segment[] = [{ text: label }, { text: `${old} → `, old: true }, { text: String(value) }];
  return parts;
}

/** A line's plain text, old values included (accessible names and width checks). */
export const lineText = (line: TextLine): string =>
  typeof line === 'string' ? line : line.map((part) => part.text).join('');

/** A line's text as it reads once the old value has gone. */
export const currentText = (line: TextLine): string =>
  typeof line === 'string'
    ? line
    : line
        .filter((part) => !part.old)
        .map((part) => part.text)
        .join('');

/** Average advance of a character in em (bold text is wider); used to keep text inside its box. */
const CHAR_EM = 0.6;
/** A bold capital is wider still ("MADV_DONTNEED" in a thread's title overflowed at CHAR_EM). */
const CAPITAL_EM = 0.72;

/** The estimated width of `text` in em, as `fitText` counts it. */
export function textWidth(text: string): number {
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    used += c >= 'A' && c <= 'Z' ? CAPITAL_EM : CHAR_EM;
  }
  return used;
}

/** `text` cut with an ellipsis so that it fits `width` user units at text size `font` (at least 3 characters). */
export function fitText(text: string, width: number, font: number): string {
  const room = width / font;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    used += c >= 'A' && c <= 'Z' ? CAPITAL_EM : CHAR_EM;
    if (used > room && i >= 4) return `${text.slice(0, i - 1)}…`;
  }
  return text;
}

/** A line cut to fit like `fitText`; a line with an old value keeps its parts and cuts the last one. */
export function fitLine(line: TextLine, width: number, font: number): TextLine {
  if (typeof line === 'string') return fitText(line, width, font);
  const total = lineText(line);
  const fitted = fitText(total, width, font);
  if (fitted === total) return line;
  const head = line.slice(0, -1);
  const last = line[line.length - 1];
  const room = fitted.length - lineText(head).length;
  if (!last || room < 2) return fitted;
  return [...head, { ...last, text: `${last.text.slice(0, room - 1)}…` }];
}
