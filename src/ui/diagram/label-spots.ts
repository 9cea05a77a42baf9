import { labelRect, type Rect } from './label-rect';
import type { DiagramNode } from './model';

type Point = [number, number];
const round = (v: number) => Math.round(v * 10) / 10;
const meets = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** How much of the straight, level or upright line from `a` to `b` runs inside `r`. */
function hidden([ax, ay]: Point, [bx, by]: Point, [l, t, r, b]: Rect): number {
  if (ay === by)
    return ay > t && ay < b ? Math.max(0, Math.min(r, Math.max(ax, bx)) - Math.max(l, Math.min(ax, bx))) : 0;
  return ax > l && ax < r ? Math.max(0, Math.min(b, Math.max(ay, by)) - Math.max(t, Math.min(ay, by))) : 0;
}

/** Points every `step` units along the corners `line`, each with whether its piece of line is upright. */
function along(line: readonly Point[], step: number): [Point, boolean][] {
  return line.slice(1).flatMap((b, k) => {
    const a = line[k] as Point;
    const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
    return Array.from({ length: n + 1 }, (_, i): [Point, boolean] => [
      [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n],
      a[0] === b[0],
    ]);
  });
}

/** Where a label's text goes, if at `p` on a line: on it, or beside it (an upright line) or over or under it (a level one). */
function spots([x, y]: Point, upright: boolean, half: number, font: number): Point[] {
  const on: Point = [x, y + font * 0.33];
  if (upright) return [on, [x + half + 3, on[1]], [x - half - 3, on[1]]];
  return [on, [x, y - font * 0.45], [x, y + font * 1.15]];
}

/**
 * Where each line's label (`texts[i]`, or none) reads: on or beside its own line where its backing hides no other line,
 * box or label and stays inside `bounds`; of those, the spot nearest the line's last corner (the lock's end). Where no
 * spot is clear, the one hiding least.
 */
export function placeLabels(
  lines: readonly (readonly Point[])[],
  texts: readonly (string | null)[],
  boxes: readonly DiagramNode[],
  bounds: Rect,
  font: number,
): (Point | null)[] {
  const placed: Rect[] = [];
  const rects = boxes.map((n): Rect => [n.x, n.y, n.x + n.width, n.y + n.height]);
  return lines.map((line, i) => {
    const text = texts[i];
    if (!text) return null;
    const half = labelRect(text, 0, 0, font)[2];
    const [px, py] = line.at(-2) ?? line[0] ?? [0, 0];
    // The line's arrowhead stays in sight.
    const [ex, ey] = line.at(-1) ?? [px, py];
    const head: Rect = [ex - font * 0.6, ey - font * 0.6, ex + font * 0.6, ey + font * 0.6];
    let best: { at: Point; score: number } | null = null;
    for (const [p, upright] of along(line, font * 0.5))
      for (const [v, at] of spots(p, upright, half, font).entries()) {
        const r = labelRect(text, at[0], at[1], font);
        const outside = r[0] < bounds[0] || r[1] < bounds[1] || r[2] > bounds[2] || r[3] > bounds[3];
        const blocked = outside || meets(r, head) || rects.some((b) => meets(r, b)) || placed.some((b) => meets(r, b));
        let cover = 0;
        for (const [j, other] of lines.entries())
          if (j !== i) for (const [k, b] of other.slice(1).entries()) cover += hidden(other[k] as Point, b, r);
        const score = (blocked ? 1e7 : 0) + cover * 1e3 + Math.hypot(p[0] - px, p[1] - py) + v;
        if (!best || score < best.score) best = { at, score };
      }
    const at: Point = best ? [round(best.at[0]), round(best.at[1])] : [px, py];
    placed.push(labelRect(text, at[0], at[1], font));
    return at;
  });
}
