import { memo } from 'react';
import { labelRect } from './label-rect';
import type { DiagramEdge } from './model';
import { type Motion, useAnimatedAttrs } from './useAnimatedAttrs';

const MARKER: Record<DiagramEdge['style'], string> = {
  solid: 'accent',
  thin: 'muted',
  cached: 'cached',
  dangling: 'danger',
  stale: 'danger',
  cut: 'none',
  holds: 'none',
  waits: 'wait',
};

/** The mark an arrow belongs to, for the tour's highlights. */
const EDGE_MARK: Record<DiagramEdge['kind'], string> = {
  pte: 'ring-page',
  direct: 'direct-map',
  vmalloc: 'vmap',
  pointer: 'userringpage',
  tlb: 'tlb',
  holds: 'holds',
  waits: 'waits',
};
export const edgeMark = (edge: DiagramEdge) => EDGE_MARK[edge.kind];

/** One translation as an arrow; the path's shape moves with D3 when its ends move. */
interface EdgeProps {
  edge: DiagramEdge;
  markers: string;
  motion: Motion;
  lit?: boolean;
}

function EdgeView({ edge, markers, motion, lit = false }: EdgeProps) {
  const ref = useAnimatedAttrs<SVGPathElement>({ d: edge.path }, motion);
  const marker = MARKER[edge.style];
  return (
    <path
      ref={ref}
      className={`dedge dedge-${edge.kind} style-${edge.style}${lit ? ' dedge-lit' : ''}`}
      data-edge={edge.id}
      data-style={edge.style}
      markerEnd={marker === 'none' ? undefined : `url(#${markers}-${marker})`}
    />
  );
}

const sameEdge = (a: EdgeProps, b: EdgeProps) =>
  a.markers === b.markers &&
  a.lit === b.lit &&
  a.motion.ms === b.motion.ms &&
  JSON.stringify(a.edge) === JSON.stringify(b.edge);

export const DiagramEdgeView = memo(EdgeView, sameEdge);

/** A label on an arrow ("dangling", "stale CPU0 TLB", "✕ cut"), on a backing so it reads over the lines. */
export function EdgeLabelView({ edge, font }: { edge: DiagramEdge; font: number }) {
  if (!edge.label) return null;
  const { text, x, y } = edge.label;
  const [left, top, right, bottom] = labelRect(text, x, y, font);
  return (
    <g className={`dlabel style-${edge.style}`} data-label-for={edge.id}>
      <rect x={left} y={top} width={right - left} height={bottom - top} rx={4} />
      <text x={x} y={y} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}
