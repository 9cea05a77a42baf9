import { linkHorizontal } from 'd3-shape';
import { isStaleTlb, layoutOf } from '../../core';
import type { State, TlbEntry } from '../../core/types';
import type { Geometry } from './geometry';
import { isGone, usesVmap } from './labels';
import type { DiagramEdge, DiagramNode, EdgeLabel, EdgeStyle } from './model';

type Point = [number, number];
const link = linkHorizontal<{ source: Point; target: Point }, Point>();
const curve = (source: Point, target: Point) => link({ source, target }) ?? '';
const round = (v: number) => Math.round(v * 10) / 10;

const left = (n: DiagramNode, dy = 0): Point => [n.x, round(n.y + n.height / 2 + dy)];
const right = (n: DiagramNode, dy = 0): Point => [n.x + n.width, round(n.y + n.height / 2 + dy)];

/** An arrow that leaves `from` on its right and comes back into `to` on its right (both in the kernel column). */
function loopBack(from: DiagramNode, to: DiagramNode, reach: number): string {
  const [x1, y1] = right(from);
  const [x2, y2] = right(to);
  return `M${x1},${y1}C${x1 + reach},${y1},${x2 + reach},${y2},${x2},${y2}`;
}

function pteEdges(state: State, byId: Map<string, DiagramNode>, g: Geometry): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  for (const node of byId.values()) {
    if (node.kind !== 'page') continue;
    const pte = state.ptes[node.index];
    const frame = pte ? byId.get(`frame-${pte.frame}`) : undefined;
    if (!pte) continue;
    const from = right(node, -g.line / 3);
    if (pte.present && frame) {
      edges.push({
        id: `pte-${node.index}`,
        kind: 'pte',
        from: node.id,
        to: frame.id,
        path: curve(from, left(frame, -g.line / 3)),
        style: 'solid',
      });
    } else {
      const end: Point = [from[0] + g.lane * 0.3, from[1]];
      edges.push({
        id: `pte-${node.index}`,
        kind: 'pte',
        from: node.id,
        to: null,
        path: curve(from, end),
        style: 'cut',
        label: { text: 'cut', x: end[0] + g.font * 1.3, y: end[1] + g.font * 0.35 },
      });
    }
  }
  return edges;
}

/** Beside the entry's source, in the lane its arrow starts in, so labels of neighbouring rows never overlap. */
function staleLabel(source: Point, fromUser: boolean, g: Geometry): EdgeLabel {
  const lane = fromUser ? g.lane : -g.kernelLane;
  return { text: 'stale TLB', x: round(source[0] + lane / 2), y: round(source[1] + g.font * 1.2) };
}

function tlbSource(entry: TlbEntry, byId: Map<string, DiagramNode>): DiagramNode | undefined {
  if (entry.kind === 'user') return byId.get(`page-${entry.key}`);
  if (entry.kind === 'vmalloc') return byId.get(`vmalloc-${entry.key}`);
  return undefined;
}

/** Each CPU's cached translations as dotted arrows; an entry its PTE no longer backs is red and says so. */
function tlbEdges(state: State, byId: Map<string, DiagramNode>, g: Geometry): DiagramEdge[] {
  return state.tlbs.flatMap((tlb, cpu) =>
    tlb.flatMap((entry): DiagramEdge[] => {
      const source = tlbSource(entry, byId);
      const target = byId.get(`frame-${entry.frame}`);
      if (!source || !target) return [];
      const stale = isStaleTlb(state, cpu, entry);
      const dy = g.line / 2 + cpu * 6;
      const fromUser = source.column === 'user';
      const a = fromUser ? right(source, dy) : left(source, dy);
      const b = fromUser ? left(target, dy) : right(target, dy);
      return [
        {
          id: `tlb-${cpu}-${entry.kind}-${entry.key}`,
          kind: 'tlb',
          from: source.id,
          to: target.id,
          path: curve(a, b),
          style: stale ? 'stale' : 'cached',
          ...(stale ? { label: staleLabel(a, fromUser, g) } : {}),
        },
      ];
    }),
  );
}

function kernelEdges(state: State, byId: Map<string, DiagramNode>, g: Geometry): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  const direct = byId.get('direct');
  if (direct)
    state.frames.forEach((_, f) => {
      const frame = byId.get(`frame-${f}`);
      if (frame)
        edges.push({
          id: `direct-${f}`,
          kind: 'direct',
          from: 'direct',
          to: frame.id,
          path: curve(left(direct, 0), right(frame, g.line / 3)),
          style: 'thin',
        });
    });
  for (const v of state.vmalloc) {
    const key = v.slot * 64 + v.page;
    const node = byId.get(`vmalloc-${key}`);
    const frame = byId.get(`frame-${v.frame}`);
    if (node && frame)
      edges.push({
        id: `vmalloc-${key}`,
        kind: 'vmalloc',
        from: node.id,
        to: frame.id,
        path: curve(left(node, -g.line / 3), right(frame, -g.line / 3)),
        style: 'solid',
      });
  }
  return edges;
}

function pointerEdges(state: State, byId: Map<string, DiagramNode>, g: Geometry): DiagramEdge[] {
  if (usesVmap(state.scenario.design)) {
    const pages = layoutOf(state.scenario.ringSize).pages;
    const slotNodes = [...byId.values()].filter((n) => n.kind === 'vmalloc');
    return ['pointer-map', 'pointer-map1', 'pointer-local'].flatMap((id): DiagramEdge[] => {
      const node = byId.get(id);
      if (!node || node.index < 0) return [];
      // vq 1's vmap names its pages after vq 0's, so its first PTE is found by slot rather than by page 0.
      const target =
        byId.get(`vmalloc-${node.index * 64}`) ??
        byId.get(`vmalloc-${node.index * 64 + pages - 1}`) ??
        slotNodes.find((n) => Math.floor(n.index / 64) === node.index);
      const dangling = node.tone === 'danger';
      if (!target && !dangling) return [];
      const [x, y] = left(node);
      // A torn-down slot with nothing left to draw: the arrow points into the empty lane.
      const path = target ? loopBack(node, target, g.loop) : curve([x, y], [round(x - g.kernelLane * 0.8), y]);
      const style: EdgeStyle = dangling ? 'dangling' : 'solid';
      const label = { text: 'dangling', x: round(x - g.kernelLane / 2), y: round(y - g.font * 0.4) };
      return [
        {
          id: `${id}-edge`,
          kind: 'pointer',
          from: id,
          to: target?.id ?? null,
          path,
          style,
          ...(dangling ? { label } : {}),
        },
      ];
    });
  }
  return state.vhost.ptr.flatMap((f, p): DiagramEdge[] => {
    const node = byId.get(`pointer-${p}`);
    const frame = byId.get(`frame-${f}`);
    if (f < 0 || !node || !frame) return [];
    const dangling = isGone(state.frames[f]);
    const a = left(node);
    const b = right(frame);
    return [
      {
        id: `pointer-${p}-edge`,
        kind: 'pointer',
        from: node.id,
        to: frame.id,
        path: curve(a, b),
        style: dangling ? 'dangling' : 'solid',
        ...(dangling ? { label: { text: 'dangling', x: a[0] - g.kernelLane / 2, y: a[1] - g.font * 0.4 } } : {}),
      },
    ];
  });
}

/** Every translation the state holds, as an arrow from where the address is to the frame it reaches. */
export function buildEdges(state: State, nodes: readonly DiagramNode[], g: Geometry): DiagramEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return [
    ...kernelEdges(state, byId, g),
    ...pteEdges(state, byId, g),
    ...tlbEdges(state, byId, g),
    ...pointerEdges(state, byId, g),
  ];
}
