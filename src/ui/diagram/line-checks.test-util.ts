import { labelRect } from './label-rect';
import type { DiagramEdge, DiagramLayout } from './model';
import { pathSamples } from './path-samples';

type Point = [number, number];

const lockLines = (layout: DiagramLayout) => layout.edges.filter((e) => e.kind === 'holds' || e.kind === 'waits');

/** The backing EdgeLabelView draws behind an edge's label: left, top, right, bottom. */
const labelBox = (edge: DiagramEdge, font: number) =>
  edge.label ? labelRect(edge.label.text, edge.label.x, edge.label.y, font) : null;

/** The longest stretch (in units) of `points`, sampled 1 unit apart, that satisfies `hit`. */
function longestRun(points: readonly Point[], hit: (p: Point) => boolean): number {
  let run = 0;
  let longest = 0;
  for (const p of points) {
    run = hit(p) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * Every pair of lines from threads to locks that run along each other (closer than `apart` units between their middles
 * for more than `along` units): a thread's "holds" and "waits" must never share a route. Lines of one thread and one
 * kind may share a trunk (they branch to their locks); crossings are short and allowed.
 */
export function linesOnEachOther(layout: DiagramLayout, apart = 5, along = 16): string[] {
  const lines = lockLines(layout).map((e) => ({ e, points: pathSamples(e.path, 1) }));
  const out: string[] = [];
  for (const [i, a] of lines.entries())
    for (const b of lines.slice(i + 1)) {
      if (a.e.from === b.e.from && a.e.kind === b.e.kind) continue;
      const near = (p: Point) => b.points.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < apart);
      const run = longestRun(a.points, near);
      if (run > along) out.push(`${a.e.id} on ${b.e.id} for ${run}`);
    }
  return out;
}

/**
 * Every label whose backing hides another line from a thread to a lock (for more than `along` units, a line's width),
 * overlaps another label, or covers a box of the threads, locks or values.
 */
export function labelsCovering(layout: DiagramLayout, along = 3): string[] {
  const lines = lockLines(layout).map((e) => ({ e, points: pathSamples(e.path, 1) }));
  const boxes = layout.nodes.filter((n) => n.column === 'protocol');
  const out: string[] = [];
  for (const edge of lockLines(layout)) {
    const box = labelBox(edge, layout.font);
    if (!box) continue;
    const [l, t, r, b] = box;
    const inside = ([x, y]: Point) => x > l && x < r && y > t && y < b;
    for (const other of lines) {
      if (other.e === edge) continue;
      const run = longestRun(other.points, inside);
      if (run > along) out.push(`${edge.id}'s label covers ${other.e.id} for ${run}`);
      const theirs = labelBox(other.e, layout.font);
      if (theirs && theirs[0] < r && l < theirs[2] && theirs[1] < b && t < theirs[3])
        out.push(`${edge.id}'s label on ${other.e.id}'s`);
    }
    for (const n of boxes)
      if (n.x < r && l < n.x + n.width && n.y < b && t < n.y + n.height) out.push(`${edge.id}'s label on ${n.id}`);
  }
  return out;
}
