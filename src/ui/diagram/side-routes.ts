import type { Geometry } from './geometry';
import type { Leg, Route } from './lock-routes';
import type { DiagramNode } from './model';

type Point = [number, number];
const round = (v: number) => Math.round(v * 10) / 10;

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
