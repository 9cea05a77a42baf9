/** Left, top, right, bottom. */
export type Rect = [number, number, number, number];

/** The backing EdgeLabelView draws behind `text` set with its baseline's middle at (x, y). */
export function labelRect(text: string, x: number, y: number, font: number): Rect {
  const half = (text.length * font * 0.62 + font * 0.6) / 2;
  return [x - half, y - font * 1.05, x + half, y + font * 0.4];
}
