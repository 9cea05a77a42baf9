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
  // Lines of different threads down one gutter each get a lane of their own in it.
  const spread = new Map<string, number[]>();
  const share = (key: string, t: number) => {
    const list = spread.get(key) ?? [];
    if (!list.includes(t)) list.push(t);
    spread.set(key, list);
  };
  for (const p of plans) {
    if (p.under) share(`t${p.outX}`, p.t);
    if (p.over) share(`v${p.inX}`, p.t);
  }
  const offset = (key: string, t: number) => {
    const list = (spread.get(key) ?? []).sort((a, b) => a - b);
    const step = Math.min(5, (g.font - 4) / Math.max(1, list.length - 1));
    return (list.indexOf(t) - (list.length - 1) / 2) * step;
  };
  return plans.map(({ t, chip, box, under, over, outX, inX }) => {
    const track = laneTop + ((laneBottom - laneTop) * (t + 1)) / (slots + 1);
    const points: Point[] = [];
    const x0 = under ? outX + offset(`t${outX}`, t) : outX;
    if (under) {
      const y = chip.y + chip.height / 2;
      points.push([x0 < chip.x ? chip.x : chip.x + chip.width, y], [x0, y]);
    } else points.push([x0, chip.y + chip.height]);
    points.push([x0, track]);
    const x1 = over ? inX + offset(`v${inX}`, t) : inX;
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

/**
 * Beside the columns, where boxes stand in one column: out of the thread's right side, along a track of its own in the
 * margin (one per thread and kind, so a thread's hold and its wait never share a line), and into the lock's right side.
 */
export function sideLegs(legs: readonly Leg[], g: Geometry): Route[] {
  const keys = [...new Set(legs.map((l) => l.t * 2 + (l.waits ? 1 : 0)))].sort((a, b) => a - b);
  const ends = new Map<DiagramNode, number[]>();
  const at = (node: DiagramNode, key: number) => {
    const list = ends.get(node) ?? [];
    if (!list.includes(key)) list.push(key);
    ends.set(node, list);
  };
  for (const l of legs) {
    at(l.chip, l.t * 2 + (l.waits ? 1 : 0));
    at(l.box, l.t * 2 + (l.waits ? 1 : 0));
  }
  const y = (node: DiagramNode, key: number) => {
    const list = (ends.get(node) ?? []).sort((a, b) => a - b);
    return node.y + (node.height * (list.indexOf(key) + 1)) / (list.length + 1);
  };
  return legs.map(({ t, chip, box, waits }) => {
    const key = t * 2 + (waits ? 1 : 0);
    const x = Math.max(chip.x + chip.width, box.x + box.width) + g.font * (0.6 + 0.45 * keys.indexOf(key));
    const from = y(chip, key);
    const to = y(box, key);
    const points: Point[] = [
      [chip.x + chip.width, from],
      [x, from],
      [x, to],
      [box.x + box.width, to],
    ];
    const label: Point = [x, to + (to > from ? -g.font * 0.7 : g.font * 1.6)];
    return {
      points: points.map(([px, py]) => [round(px), round(py)] as Point),
      label: [round(label[0]), round(label[1])],
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

/** A path through `points` with rounded corners of radius up to `r`. */
export function roundedPath(points: readonly Point[], r: number): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first[0]},${first[1]}`;
  rest.forEach((p, i) => {
    const prev = points[i] as Point;
    const next = rest[i + 1];
    if (!next) {
      d += `L${p[0]},${p[1]}`;
      return;
    }
    const a = Math.min(r, Math.hypot(p[0] - prev[0], p[1] - prev[1]) / 2);
    const b = Math.min(r, Math.hypot(next[0] - p[0], next[1] - p[1]) / 2);
    const towards = (q: Point, d0: number): Point => {
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
      return [round(p[0] + ((q[0] - p[0]) * d0) / len), round(p[1] + ((q[1] - p[1]) * d0) / len)];
    };
    const [ax, ay] = towards(prev, a);
    const [bx, by] = towards(next, b);
    d += `L${ax},${ay}Q${p[0]},${p[1]},${bx},${by}`;
  });
  return d;
}
