import type { Geometry } from './geometry';
import { type Leg, legKey, type Route, trackKeys } from './lane';
import type { DiagramNode } from './model';

type Point = [number, number];
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Beside the columns, where boxes stand in one column: out of the thread's right side, along a track of its own in the
 * margin (one per thread and kind, so a thread's hold and its wait never share a line), and into the lock's right side.
 */
export function sideLegs(legs: readonly Leg[], g: Geometry): Route[] {
  const keys = trackKeys(legs);
  const ends = new Map<DiagramNode, number[]>();
  const at = (node: DiagramNode, key: number) => {
    const list = ends.get(node) ?? [];
    if (!list.includes(key)) list.push(key);
    ends.set(node, list);
  };
  for (const l of legs) {
    at(l.chip, legKey(l));
    at(l.box, legKey(l));
  }
  const y = (node: DiagramNode, key: number) => {
    const list = (ends.get(node) ?? []).sort((a, b) => a - b);
    return node.y + (node.height * (list.indexOf(key) + 1)) / (list.length + 1);
  };
  return legs.map((leg) => {
    const { chip, box } = leg;
    const key = legKey(leg);
    const x = Math.max(chip.x + chip.width, box.x + box.width) + g.font * (0.6 + 0.45 * keys.indexOf(key));
    const from = y(chip, key);
    const to = y(box, key);
    const points: Point[] = [
      [chip.x + chip.width, from],
      [x, from],
      [x, to],
      [box.x + box.width, to],
    ];
    return { points: points.map(([px, py]) => [round(px), round(py)] as Point) };
  });
}
