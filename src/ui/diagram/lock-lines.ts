import type { Geometry } from './geometry';
import { placeLabels } from './label-spots';
import type { Leg, Route } from './lane';
import { polyline, routeLegs } from './lock-routes';
import type { DiagramNode } from './model';

/** A line's path and where its label (if it has one) reads. */
export interface LockLine {
  path: string;
  label: [number, number] | null;
}

/**
 * The lines from threads to locks, routed under the columns (or beside them by `side`), and their "waits" labels
 * where they hide nothing, inside a picture `width` wide.
 */
export function drawLockLines(
  legs: readonly Leg[],
  nodes: readonly DiagramNode[],
  g: Geometry,
  slots: number,
  width: number,
  side: ((legs: readonly Leg[], g: Geometry) => Route[]) | null,
): LockLine[] {
  const routes = side ? side(legs, g) : routeLegs(legs, nodes, g, slots);
  const bottom = Math.max(0, ...nodes.map((n) => n.y + n.height));
  const points = routes.map((r) => r.points);
  const texts = legs.map((l) => (l.waits ? 'waits' : null));
  const labels = placeLabels(points, texts, nodes, [0, 0, width, bottom], g.font);
  return points.map((p, i) => ({ path: polyline(p), label: labels[i] ?? null }));
}
