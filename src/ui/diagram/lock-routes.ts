import type { Geometry } from './geometry';
import { LABEL_ROW, type Leg, legKey, type Route, trackKeys } from './lane';
import type { DiagramNode } from './model';

type Point = [number, number];
const round = (v: number) => Math.round(v * 10) / 10;

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
 * out of its side and down the gutter between columns), along a track of its own (per thread and kind) in the lane
 * between the threads and the locks, and into the lock's top (or, with a box above it, down a gutter and into its side).
 */
export function routeLegs(legs: readonly Leg[], nodes: readonly DiagramNode[], g: Geometry, slots: number): Route[] {
  const threads = nodes.filter((n) => n.kind === 'thread');
  const values = nodes.filter((n) => n.column === 'protocol' && n.kind !== 'thread');
  const right = g.width;
  const threadGutters = gutters(threads, right);
  const valueGutters = gutters(values, right);
  const laneTop = Math.max(...threads.map((n) => n.y + n.height));
  const laneBottom = Math.min(...values.map((n) => n.y));
  const tracksBottom = laneBottom - (legs.some((l) => l.waits) ? g.font * LABEL_ROW : 0);
  const port = (n: DiagramNode, k: number) => n.x + (n.width * (k + 1)) / (slots * 2 + 1);
  const keys = trackKeys(legs);
  const plans = legs.map((leg) => {
    const { chip, box } = leg;
    const k = legKey(leg);
    const under = threads.some((n) => n !== chip && n.y > chip.y && overlapsX(n, chip));
    const over = values.some((n) => n !== box && n.y < box.y && overlapsX(n, box));
    const inX = over ? gutterBeside(box, valueGutters, port(chip, k)) : port(box, k);
    const outX = under ? gutterBeside(chip, threadGutters, inX) : port(chip, k);
    return { rank: keys.indexOf(k), chip, box, under, over, outX, inX };
  });
  // A lock's port a hair from another thread's way out would run along it: it moves aside by half an em.
  const outs = plans.filter((p) => !p.under).map((p) => p.outX);
  for (const p of plans)
    if (!p.over && outs.some((x) => x !== p.outX && Math.abs(x - p.inX) < g.font * 0.5))
      p.inX += outs.some((x) => Math.abs(x - p.inX - g.font * 0.5) < g.font * 0.5) ? -g.font * 0.5 : g.font * 0.5;
  // Lines of different keys down one gutter each keep a lane of their own in it.
  const n = keys.length;
  const offset = (rank: number) => (rank - (n - 1) / 2) * Math.min(5, (g.font - 4) / Math.max(1, n - 1));
  return plans.map(({ rank, chip, box, under, over, outX, inX }) => {
    const track = laneTop + ((tracksBottom - laneTop) * (rank + 1)) / (n + 1);
    const points: Point[] = [];
    const x0 = under ? outX + offset(rank) : outX;
    if (under) {
      const y = chip.y + (chip.height * (rank + 1)) / (n + 1);
      points.push([x0 < chip.x ? chip.x : chip.x + chip.width, y], [x0, y]);
    } else points.push([x0, chip.y + chip.height]);
    points.push([x0, track]);
    const x1 = over ? inX + offset(rank) : inX;
    points.push([x1, track]);
    if (over) {
      const y = box.y + (box.height * (rank + 1)) / (n + 1);
      points.push([x1, y], [x1 < box.x ? box.x : box.x + box.width, y]);
    } else points.push([x1, box.y]);
    return { points: points.map(([x, y]) => [round(x), round(y)] as Point) };
  });
}

/** A path through `points`, straight between them (its corners are rounded by the stroke's round join). */
export const polyline = (points: readonly Point[]) => `M${points.map(([x, y]) => `${x},${y}`).join('L')}`;
