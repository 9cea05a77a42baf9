import { locksOf, type State } from '../../core';
import type { Geometry } from './geometry';
import { type Leg, roundedPath, routeLegs } from './lock-routes';
import type { DiagramEdge, DiagramNode } from './model';

type Point = [number, number];
const round = (v: number) => Math.round(v * 10) / 10;

/** Beside the columns: out of the thread's right side and back into the lock's, further out for a later thread. */
function loopRight(chip: DiagramNode, box: DiagramNode, t: number, g: Geometry) {
  const from: Point = [round(chip.x + chip.width), round(chip.y + chip.height / 2)];
  const to: Point = [round(box.x + box.width), round(box.y + box.height / 2)];
  const reach = round(g.font * (1 + 0.6 * t));
  const path = `M${from[0]},${from[1]}C${from[0] + reach},${from[1]},${to[0] + reach},${to[1]},${to[0]},${to[1]}`;
  // The label sits on the curve near the lock, so two threads waiting across each other (ABBA) keep their labels apart.
  const at = (a: number, b: number, c: number, d: number, t = 0.75) =>
    (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
  const x = at(from[0], from[0] + reach, to[0] + reach, to[0]);
  const y = at(from[1], from[1], to[1], to[1]);
  return { path, mid: [round(x + g.font * 1.2), round(y + g.font * 0.4)] as Point };
}

/** Room right of a side region for `threads` looping lines and a "waits" label on the outermost. */
export const sideMargin = (g: Geometry, threads: number) => Math.ceil(g.font * (0.6 * threads + 3.6));

/**
 * A line from each lock to its holder (solid, no head) and an arrow from each waiting thread to the lock it waits
 * for (dashed, labelled "waits"): a deadlock is a cycle through these.
 */
export function protocolEdges(s: State, nodes: readonly DiagramNode[], g: Geometry, side = false): DiagramEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const legs: (Leg & { kind: 'holds' | 'waits'; lock: string })[] = locksOf(s).flatMap((lock) => {
    const box = byId.get(`lock-${lock.id}`);
    if (!box) return [];
    const leg = (t: number, kind: 'holds' | 'waits') => {
      const chip = byId.get(`thread-${t}`);
      return chip ? [{ t, chip, box, kind, lock: lock.id }] : [];
    };
    return [...lock.holders.flatMap((t) => leg(t, 'holds')), ...lock.waiters.flatMap((t) => leg(t, 'waits'))];
  });
  const routes = side ? null : routeLegs(legs, nodes, g, s.threads.length);
  return legs.map(({ t, chip, box, kind, lock }, i) => {
    const route = routes?.[i];
    const { path, mid } = route
      ? { path: roundedPath(route.points, g.font * 0.4), mid: route.label }
      : loopRight(chip, box, t, g);
    return {
      id: `${kind}-${t}-${lock}`,
      kind,
      from: chip.id,
      to: box.id,
      path,
      style: kind,
      ...(kind === 'waits' ? { label: { text: 'waits', x: mid[0], y: mid[1] } } : {}),
    };
  });
}
