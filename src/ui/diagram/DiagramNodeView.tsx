import { memo } from 'react';
import type { DiagramNode } from './model';
import { type Motion, useAnimatedAttrs } from './useAnimatedAttrs';

interface Props {
  node: DiagramNode;
  font: number;
  hatch: string;
  motion: Motion;
}

/** One box: title, area chips, further lines; a changed box gets a dashed outline and a Δ badge. */
function NodeView({ node, font, hatch, motion }: Props) {
  const ref = useAnimatedAttrs<SVGGElement>({ transform: `translate(${node.x},${node.y})` }, motion);
  const line = Math.round(font * 1.3);
  const pad = Math.round(font * 0.45);
  const baseline = pad + font;
  const firstLine = node.areas ? 2 : 1;
  return (
    <g
      ref={ref}
      className={`dnode dnode-${node.kind} tone-${node.tone}${node.changed ? ' dnode-changed' : ''}`}
      data-node={node.id}
      data-tone={node.tone}
    >
      <rect className="dnode-box" width={node.width} height={node.height} rx={6} />
      {node.hatched ? (
        <rect className="dnode-hatch" width={node.width} height={node.height} rx={6} fill={`url(#${hatch})`} />
      ) : null}
      <text x={pad} y={baseline} className="dnode-title">
        {node.title}
      </text>
      {node.areas && node.areas.length > 0 ? (
        <g transform={`translate(${pad},${pad + line})`}>
          {node.areas.map((area, i) => (
            <g key={area} transform={`translate(${i * font * 4.2},0)`}>
              <rect className={`chip chip-${area}`} width={font * 3.9} height={line - 2} rx={4} />
              <text x={font * 0.35} y={font * 0.98} className="chip-text">
                {area}
              </text>
            </g>
          ))}
        </g>
      ) : null}
      {node.lines.map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a box's lines are positional and never reorder.
        <text key={i} x={pad} y={baseline + (firstLine + i) * line} className="dnode-line">
          {text}
        </text>
      ))}
      {node.changed ? (
        <g transform={`translate(${node.width - font * 0.6},${-font * 0.1})`} className="changed-badge">
          <circle r={font * 0.75} />
          <text textAnchor="middle" y={font * 0.36} aria-label="changed by this step">
            Δ
          </text>
        </g>
      ) : null}
    </g>
  );
}

const sameNode = (a: Props, b: Props) =>
  a.font === b.font &&
  a.hatch === b.hatch &&
  a.motion.ms === b.motion.ms &&
  JSON.stringify(a.node) === JSON.stringify(b.node);

/** Layouts are rebuilt every step; a box whose content and place did not change is not rendered again. */
export const DiagramNodeView = memo(NodeView, sameNode);
