import type { Geometry } from './geometry';
import type { DiagramNode, Segment, TextLine } from './model';
import { fitLine, lineText, textWidth } from './values';
import { wrapText } from './wrap';

export type Draft = Omit<DiagramNode, 'x' | 'y' | 'width' | 'height' | 'column'>;

/** Where the protocol's boxes go: under the three columns across the picture, or in a column of their own beside them. */
export interface ProtocolRegion {
  left: number;
  span: number;
  /** Beside the columns: the lines from threads to locks loop out on the region's right instead of running down. */
  side: boolean;
  /** The least width of a box in em before a row holds one box fewer (15.5, or less in a dense row). */
  boxEms?: number;
}

/** The region under the columns, as wide as the picture less the loop margin. */
export const belowRegion = (g: Geometry): ProtocolRegion => ({ left: 2, span: g.width - g.loop - 4, side: false });

/** How many boxes of about `ems` em (15.5 unless a dense row asks for less) fit side by side in `span`. */
export const perRow = (g: Geometry, span: number, n: number, ems = 15.5) =>
  Math.max(1, Math.min(n, Math.floor((span + 4) / (g.font * ems))));

/**
 * A line with an old value: whole when it fits, else its last part (", in frame #2") or its label on lines of its own,
 * so the value and its old value stay together; cut only when the values alone are too wide.
 */
function wrapSegments(line: Segment[], room: number, font: number): TextLine[] {
  const last = line[line.length - 1];
  const head = line.slice(0, -1);
  const [label, ...values] = line;
  if (textWidth(lineText(line)) * font <= room || !last || !label) return [fitLine(line, room, font)];
  if (!last.old && last.text.startsWith(', ') && head.length > 0)
    return [...wrapSegments(head, room, font), ...wrapText(last.text.slice(2), room, font)];
  // "invalidations active" over "1 → 2": the label on a line, the old and new value together under it.
  if (!label.old && values.length > 0)
    return [...wrapText(label.text.trimEnd(), room, font), fitLine(values, room, font)];
  return [fitLine(line, room, font)];
}

/** A draft with its title and plain lines wrapped to `room`, so no thread's name or context is cut short. */
function wrapped(d: Draft, room: number, font: number): Draft {
  const [title = '', ...titleMore] = wrapText(d.title, room, font);
  const parts = d.lines.map((line) =>
    typeof line === 'string' ? wrapText(line, room, font) : wrapSegments(line, room, font),
  );
  const contextLines = d.context ? (parts[0]?.length ?? 1) : undefined;
  return {
    ...d,
    title,
    ...(titleMore.length > 0 ? { titleMore } : {}),
    lines: parts.flat(),
    ...(contextLines && contextLines > 1 ? { contextLines } : {}),
  };
}

/** Positions `drafts` in rows of at most `count` equal boxes across `region`, from `top`; boxes of a row share a height. */
export function placeRows(g: Geometry, drafts: Draft[], count: number, region: ProtocolRegion, top: number) {
  const gap = g.font;
  const width = (region.span - gap * (count - 1)) / count;
  const room = width - g.pad * 2;
  let y = top;
  const out: DiagramNode[] = [];
  for (let i = 0; i < drafts.length; i += count) {
    const row = drafts.slice(i, i + count).map((d) => wrapped(d, room, g.font));
    const height = Math.max(...row.map((d) => g.nodeHeight(1 + (d.titleMore?.length ?? 0) + d.lines.length)));
    row.forEach((d, k) => {
      out.push({ ...d, column: 'protocol', x: region.left + k * (width + gap), y, width, height });
    });
    y += height + g.rowGap;
  }
  return out;
}
