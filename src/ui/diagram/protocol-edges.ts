import type { LockView, State } from '../../core';
import type { Geometry } from './geometry';
import type { Leg, Route } from './lane';
import { drawLockLines } from './lock-lines';
import type { DiagramEdge, DiagramNode } from './model';

/** The lines beside the columns (side-routes.ts), registered with the presenter's arrangements that alone use them. */
let sideRoutes: ((legs: readonly Leg[], g: Geometry) => Route[]) | null = null;
export function registerSideRoutes(found: (legs: readonly Leg[], g: Geometry) => Route[]) {
  sideRoutes = found;
}

/**
 * A line from each lock to its holder (solid, no head) and an arrow from each waiting thread to the lock it waits
 * for (dashed, labelled "waits"), `locks` being `s`'s: a deadlock is a cycle through these. `width` is the picture's.
 */
export function protocolEdges(
  s: State,
  locks: readonly LockView[],
  nodes: readonly DiagramNode[],
  g: Geometry,
  side = false,
  width = g.width,
): DiagramEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const legs: (Leg & { lock: string })[] = locks.flatMap((lock) => {
    const box = byId.get(`lock-${lock.id}`);
    if (!box) return [];
    const leg = (t: number, kind: 'holds' | 'waits') => {
      const chip = byId.get(`thread-${t}`);
      return chip ? [{ t, chip, box, waits: kind === 'waits', lock: lock.id }] : [];
    };
    return [...lock.holders.flatMap((t) => leg(t, 'holds')), ...lock.waiters.flatMap((t) => leg(t, 'waits'))];
  });
  const lines = drawLockLines(legs, nodes, g, s.threads.length, width, side ? sideRoutes : null);
  return legs.map(({ t, chip, box, waits, lock }, i) => {
    const line = lines[i];
    const kind = waits ? 'waits' : 'holds';
    const [x, y] = line?.label ?? [0, 0];
    return {
      id: `${kind}-${t}-${lock}`,
      kind,
      from: chip.id,
      to: box.id,
      path: line?.path ?? '',
      style: kind,
      ...(waits ? { label: { text: 'waits', x, y } } : {}),
    };
  });
}
