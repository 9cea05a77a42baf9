import type { Column, LayoutOptions } from './model';

export const COLUMNS: readonly Column[] = ['user', 'frames', 'kernel'];
export const MIN_FONT = 14;
/** The picture's least width in units of its text size. */
const EMS_WIDE = 48.5;
export const MIN_WIDTH_EMS = EMS_WIDE;

export interface Geometry {
  /** Width the picture is drawn at: the available width, or more when 14 px text would not fit. */
  width: number;
  font: number;
  line: number;
  pad: number;
  rowGap: number;
  top: number;
  /** Room right of the kernel column for arrows that loop back into it (vq->map → its vmalloc PTEs). */
  loop: number;
  x: (column: Column) => number;
  columnWidth: number;
  /** Width of the gap between the user and frame columns, and between the frame and kernel columns. */
  lane: number;
  kernelLane: number;
  nodeHeight: (lines: number) => number;
}

/** Three equal columns with arrow lanes between them, sized from the width and the text size; `compact` packs lines closer. */
export function geometry({ width, font }: LayoutOptions, compact = false): Geometry {
  // Three columns of about 11.5 em, lanes of 12 em and the loop margin: text never overflows its box, so a
  // requested size that does not fit the width shrinks (down to 14 px), and below that the picture is drawn wider.
  const size = Math.max(MIN_FONT, Math.min(font, width / EMS_WIDE));
  const drawn = Math.max(width, Math.ceil(size * EMS_WIDE));
  const line = Math.round(size * (compact ? 1.2 : 1.3));
  const pad = Math.round(size * (compact ? 0.3 : 0.45));
  const loop = Math.round(size * 1.8);
  const span = drawn - loop - 2;
  // Columns just wide enough for their text; the lane on the kernel side is wider: it carries the pointers' labels.
  const columnWidth = Math.min(size * 11.5, (span - size * 12) / 3);
  const lanes = span - 3 * columnWidth;
  const x: Record<Column, number> = {
    user: 2,
    frames: 2 + columnWidth + lanes * 0.42,
    kernel: 2 + span - columnWidth,
    protocol: 2,
  };
  return {
    width: drawn,
    font: size,
    line,
    pad,
    rowGap: Math.round(size * (compact ? 0.4 : 0.6)),
    top: line + pad * 2,
    loop,
    x: (column) => x[column],
    columnWidth,
    lane: lanes * 0.42,
    kernelLane: lanes * 0.58,
    nodeHeight: (lines) => pad * 2 + lines * line,
  };
}
