import type { Geometry } from './geometry';
import type { DiagramNode } from './model';

type Point = [number, number];
const round = (v: number) => Math.round(v * 10) / 10;

/** A line from a thread to a lock: its corners, and where a "waits" label reads on it. */
export interface Route {
  points: Point[];
  label: Point;
}

/** One line to route: thread `t`'s box to a lock's box. */
export interface Leg {
  t: number;
  chip: DiagramNode;
  box: DiagramNode;
  /** A wait, drawn dashed; else a hold. */
  waits: boolean;
}

const overlapsX = (a: DiagramNode, b: DiagramNode) => a.x < b.x + b.width && b.x < a.x + a.width;

/** The gutters (x of their middles) between a group's columns of boxes, and the one right of its last column. */
function gutters(group: readonly DiagramNode[], right: number): number[] {
  const lefts = [...new Set(group.map((n) => n.x))].sort((a, b) => a - b);
  const width = group[0]?.width ?? 0;
  return lefts.map((x, k) => ((lefts[k + 1] ?? right) + x + width) / 2);
}

/** Of the gutters left and right of `node`, the one nearer `x`. */
function gutterBeside(node: DiagramNode, all: readonly number[], x: number): number {
  const left = all.filter((g) => g < node.x).at(-1);
  const right = all.find((g) => g > node.x + node.width) ?? node.x + node.width;
  return left !== undefined && Math.abs(left - x) < Math.abs(right - x) ? left : right;
}

/**
 * Under the columns, lines run around boxes, never through them: out of a thread's bottom (or, with a box under it,
 * out of its side and down the gutter between columns), along a track of its own in the lane between the threads and
 * the locks, and into the lock's top (or, with a box above it, down a gutter and into its side).
 */
export function routeLegs(legs: readonly Leg[], nodes: readonly DiagramNode[], g: Geometry, slots: number): Route[] {
  const threads = nodes.filter((n) => n.kind === 'thread');
  const values = nodes.filter((n) => n.column === 'protocol' && n.kind !== 'thread');
  const right = g.width;
  const threadGutters = gutters(threads, right);
  const valueGutters = gutters(values, right);
  const laneTop = Math.max(...threads.map((n) => n.y + n.height));
  const laneBottom = Math.min(...values.map((n) => n.y));
  const port = (n: DiagramNode, t: number) => n.x + (n.width * (t + 1)) / (slots + 1);
  const plans = legs.map(({ t, chip, box }) => {
    const under = threads.some((n) => n !== chip && n.y > chip.y && overlapsX(n, chip));
    const over = values.some((n) => n !== box && n.y < box.y && overlapsX(n, box));
    const inX = over ? gutterBeside(box, valueGutters, port(chip, t)) : port(box, t);
    const outX = under ? gutterBeside(chip, threadGutters, inX) : port(chip, t);
    return { t, chip, box, under, over, outX, inX };
  });
  // Lines of different threads down one gutter each keep a lane of their own in it.
  const offset = (t: number) => (t - (slots - 1) / 2) * Math.min(5, (g.font - 4) / Math.max(1, slots - 1));
  return plans.map(({ t, chip, box, under, over, outX, inX }) => {
    const track = laneTop + ((laneBottom - laneTop) * (t + 1)) / (slots + 1);
    const points: Point[] = [];
    const x0 = under ? outX + offset(t) : outX;
    if (under) {
      const y = chip.y + chip.height / 2;
      points.push([x0 < chip.x ? chip.x : chip.x + chip.width, y], [x0, y]);
    } else points.push([x0, chip.y + chip.height]);
    points.push([x0, track]);
    const x1 = over ? inX + offset(t) : inX;
    points.push([x1, track]);
    if (over) {
      const y = box.y + (box.height * (t + 1)) / (slots + 1);
      points.push([x1, y], [x1 < box.x ? box.x : box.x + box.width, y]);
    } else points.push([x1, box.y]);
    return {
      points: points.map(([x, y]) => [round(x), round(y)] as Point),
      label: labelAt(x0, x1, laneTop, laneBottom, g),
    };
  });
}

/** The "waits" label: in the middle of the lane, near the lock's end of the line's run along it. */
function labelAt(x0: number, x1: number, top: number, bottom: number, g: Geometry): Point {
  const half = g.font * 1.9;
  const run = Math.abs(x1 - x0);
  const x = run > half * 2.4 ? x1 - Math.sign(x1 - x0) * half * 1.2 : (x0 + x1) / 2;
  return [round(x), round((top + bottom) / 2 + g.font * 0.33)];
}

/** A path through `points`, straight between them (its corners are rounded by the stroke's round join). */
export const polyline = (points: readonly Point[]) => `M${points.map(([x, y]) => `${x},${y}`).join('L')}`;
