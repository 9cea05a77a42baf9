import type { State } from '../../core';
import { locksOf } from '../../worker/statuses';
import type { Geometry } from './geometry';
import { type Leg, polyline, type Route, routeLegs } from './lock-routes';
import type { DiagramEdge, DiagramNode } from './model';

/**
 * Room right of a side region for the tracks of `threads` (a hold and a wait each, 0.45 em apart from 0.6 em out) and a
 * "waits" label centred on the outermost.
 */
export const sideMargin = (g: Geometry, threads: number) => Math.ceil(g.font * (2.1 + 0.9 * threads));

/** The lines beside the columns (side-routes.ts), registered with the presenter's arrangements that alone use them. */
let sideRoutes: ((legs: readonly Leg[], g: Geometry) => Route[]) | null = null;
export function registerSideRoutes(found: (legs: readonly Leg[], g: Geometry) => Route[]) {
  sideRoutes = found;
}

/**
 * A line from each lock to its holder (solid, no head) and an arrow from each waiting thread to the lock it waits
 * for (dashed, labelled "waits"): a deadlock is a cycle through these.
 */
export function protocolEdges(s: State, nodes: readonly DiagramNode[], g: Geometry, side = false): DiagramEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const legs: (Leg & { lock: string })[] = locksOf(s).flatMap((lock) => {
    const box = byId.get(`lock-${lock.id}`);
    if (!box) return [];
    const leg = (t: number, kind: 'holds' | 'waits') => {
      const chip = byId.get(`thread-${t}`);
      return chip ? [{ t, chip, box, waits: kind === 'waits', lock: lock.id }] : [];
    };
    return [...lock.holders.flatMap((t) => leg(t, 'holds')), ...lock.waiters.flatMap((t) => leg(t, 'waits'))];
  });
  const routes = side && sideRoutes ? sideRoutes(legs, g) : routeLegs(legs, nodes, g, s.threads.length);
  return legs.map(({ t, chip, box, waits, lock }, i) => {
    const route = routes[i] as Route;
    const kind = waits ? 'waits' : 'holds';
    const [x, y] = route.label;
    return {
      id: `${kind}-${t}-${lock}`,
      kind,
      from: chip.id,
      to: box.id,
      path: polyline(route.points),
      style: kind,
      ...(waits ? { label: { text: 'waits', x, y } } : {}),
    };
  });
}
