import { linkVertical } from 'd3-shape';
import { locksOf, type State } from '../../core';
import type { Geometry } from './geometry';
import type { DiagramEdge, DiagramNode } from './model';

type Point = [number, number];
const link = linkVertical<{ source: Point; target: Point }, Point>();
const round = (v: number) => Math.round(v * 10) / 10;

/** Where on a box's bottom or top edge an arrow for thread `t` attaches: spread so arrows of different threads part. */
function port(node: DiagramNode, side: 'top' | 'bottom', slot: number, slots: number): Point {
  const x = node.x + (node.width * (slot + 1)) / (slots + 1);
  return [round(x), round(side === 'top' ? node.y : node.y + node.height)];
}

/**
 * A line from each lock to its holder (solid, no head) and an arrow from each waiting thread to the lock it waits
 * for (dashed, labelled "waits"): a deadlock is a cycle through these.
 */
export function protocolEdges(s: State, nodes: readonly DiagramNode[], g: Geometry): DiagramEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const slots = s.threads.length;
  return locksOf(s).flatMap((lock) => {
    const box = byId.get(`lock-${lock.id}`);
    if (!box) return [];
    const edge = (t: number, kind: 'holds' | 'waits'): DiagramEdge[] => {
      const chip = byId.get(`thread-${t}`);
      if (!chip) return [];
      const from = port(chip, 'bottom', t, slots);
      const to = port(box, 'top', t, slots);
      const path = link({ source: from, target: to }) ?? '';
      const mid: Point = [round((from[0] + to[0]) / 2), round((from[1] + to[1]) / 2 + g.font * 0.4)];
      return [
        {
          id: `${kind}-${t}-${lock.id}`,
          kind,
          from: chip.id,
          to: box.id,
          path,
          style: kind,
          ...(kind === 'waits' ? { label: { text: 'waits', x: mid[0], y: mid[1] } } : {}),
        },
      ];
    };
    return [...lock.holders.flatMap((t) => edge(t, 'holds')), ...lock.waiters.flatMap((t) => edge(t, 'waits'))];
  });
}
