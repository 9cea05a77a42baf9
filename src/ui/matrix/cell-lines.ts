/** The cells' text size in drawing units (matrix.css, `.matrix-cell text`) and its monospace advance, 0.6 em. */
export const CELL_FONT = 10.5;
const ADVANCE = CELL_FONT * 0.6;
/** Room between the cell's edge and its text, each side. */
export const CELL_INSET = 6;

/** How many characters of the cells' text fit on one line of a cell `width` units wide. */
export const charsPerLine = (width: number) => Math.floor((width - CELL_INSET * 2) / ADVANCE);

/** `names` as lines of at most `chars` characters, broken only between names (a name longer than a line stands alone). */
export function wrapNames(names: readonly string[], chars: number): string[] {
  const lines: string[] = [];
  for (const name of names) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + name.length <= chars) lines[lines.length - 1] = `${last} ${name}`;
    else lines.push(name);
  }
  return lines;
}

/**
 * Where a cell's lines go: `count` lines (at least three: hazards, warnings, liveness, as a reader learns them) spread
 * down a cell `height` units tall, 16 units apart or closer when more lines must fit; returns each line's baseline.
 */
export function baselines(count: number, height: number): number[] {
  const slots = Math.max(3, count);
  const pitch = Math.min(16, (height - 6) / slots);
  return Array.from({ length: slots }, (_, k) => Math.round(pitch * (k + 1) * 10) / 10);
}
