import { memo } from 'react';
import type { DiagramNode, TextLine } from './model';
import { type Motion, useAnimatedAttrs } from './useAnimatedAttrs';

interface Props {
  node: DiagramNode;
  font: number;
  /** Baseline to baseline and the inner margin, as the layout spaced them. */
  line: number;
  pad: number;
  hatch: string;
  motion: Motion;
  /** The tour chapter points at this box. */
  lit: boolean;
}

/** A line of text; the old part of a changed value is its own tspan, which fades after a moment (diagram.css). */
function LineText({ line, x, y, className }: { line: TextLine; x: number; y: number; className: string }) {
  if (typeof line === 'string')
    return (
      <text x={x} y={y} className={className}>
        {line}
      </text>
    );
  return (
    <text x={x} y={y} className={className}>
      {line.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional; the text in the key makes a new old value a new element, so its fade starts again.
        <tspan key={`${i}:${part.text}`} className={part.old ? 'old-value' : undefined}>
          {part.text}
        </tspan>
      ))}
    </text>
  );
}

/** One box: title, area chips, further lines; a changed box gets a dashed outline and a Δ badge. */
function NodeView({ node, font, line, pad, hatch, motion, lit }: Props) {
  const ref = useAnimatedAttrs<SVGGElement>({ transform: `translate(${node.x},${node.y})` }, motion);
  const baseline = pad + font;
  const more = node.titleMore ?? [];
  const firstLine = 1 + more.length + (node.areas ? 1 : 0);
  const contextLines = node.context ? (node.contextLines ?? 1) : 0;
  const classes = [
    'dnode',
    `dnode-${node.kind}`,
    `tone-${node.tone}`,
    node.changed ? 'dnode-changed' : '',
    node.context ? `ctx-${node.context}` : '',
    lit ? 'dmark-lit' : '',
  ];
  return (
    <g
      ref={ref}
      className={classes.filter(Boolean).join(' ')}
      data-node={node.id}
      data-tone={node.tone}
      data-marks={node.marks?.join(' ')}
      {...(node.label ? { role: 'img', 'aria-label': node.label } : {})}
    >
      {lit ? (
        <rect className="dmark-halo" x={-5} y={-5} width={node.width + 10} height={node.height + 10} rx={9} />
      ) : null}
      <rect className="dnode-box" width={node.width} height={node.height} rx={6} />
      {node.hatched ? (
        <rect className="dnode-hatch" width={node.width} height={node.height} rx={6} fill={`url(#${hatch})`} />
      ) : null}
      <text x={pad} y={baseline} className="dnode-title">
        {node.title}
      </text>
      {more.map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a title's lines are positional and never reorder.
        <text key={i} x={pad} y={baseline + (i + 1) * line} className="dnode-title">
          {text}
        </text>
      ))}
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
        <LineText
          // biome-ignore lint/suspicious/noArrayIndexKey: a box's lines are positional and never reorder.
          key={i}
          line={text}
          x={pad}
          y={baseline + (firstLine + i) * line}
          className={i < contextLines ? 'dnode-line dnode-context' : 'dnode-line'}
        />
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
  a.line === b.line &&
  a.pad === b.pad &&
  a.hatch === b.hatch &&
  a.lit === b.lit &&
  a.motion.ms === b.motion.ms &&
  JSON.stringify(a.node) === JSON.stringify(b.node);

/** Layouts are rebuilt every step; a box whose content and place did not change is not rendered again. */
export const DiagramNodeView = memo(NodeView, sameNode);
