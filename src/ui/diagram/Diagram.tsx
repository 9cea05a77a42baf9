import { useId, useMemo } from 'react';
import type { State, StepEvent } from '../../core/types';
import { changedMatcher, nothingChanged } from '../views/changed';
import { useReducedMotion } from '../views/svg/useReducedMotion';
import { DiagramDefs } from './DiagramDefs';
import { DiagramEdgeView, EdgeLabelView } from './DiagramEdgeView';
import { DiagramNodeView } from './DiagramNodeView';
import { layoutDiagram } from './layout';
import { motionFor } from './useAnimatedAttrs';
import { useWidth } from './useWidth';
import './diagram.css';

interface Props {
  state: State;
  /** The step that produced `state`; what it changed is marked. */
  event: StepEvent | undefined;
  /** Text size in CSS pixels (larger in presenter mode). */
  font: number;
  /** While playing, movements are shortened to fit in one step. */
  playing?: boolean;
  speed?: number;
}

/** The translation paths as one picture: QEMU's pages, the frames, the kernel's ways in, and every arrow between. */
export function Diagram({ state, event, font, playing = false, speed = 1 }: Props) {
  const id = useId().replace(/:/g, '');
  const { ref, width } = useWidth<HTMLDivElement>(680);
  const reduced = useReducedMotion();
  const motion = useMemo(() => motionFor(reduced, playing, speed), [reduced, playing, speed]);
  const layout = useMemo(
    () => layoutDiagram(state, event ? changedMatcher(event.changed) : nothingChanged, { width, font }),
    [state, event, width, font],
  );
  const thin = layout.edges.filter((e) => e.style === 'thin');
  const bold = layout.edges.filter((e) => e.style !== 'thin');
  return (
    <div ref={ref} className="diagram" style={{ fontSize: layout.font }}>
      <svg
        role="img"
        aria-label={layout.summary}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
      >
        <DiagramDefs id={id} />
        {layout.heads.map((head) => (
          <text key={head.column} x={head.x} y={layout.font + 2} className="dhead-title">
            {head.title}
          </text>
        ))}
        <g className="dedges-thin">
          {thin.map((edge) => (
            <DiagramEdgeView key={edge.id} edge={edge} markers={id} motion={motion} />
          ))}
        </g>
        {layout.nodes.map((node) => (
          <DiagramNodeView key={node.id} node={node} font={layout.font} hatch={`${id}-hatch`} motion={motion} />
        ))}
        <g className="dedges">
          {bold.map((edge) => (
            <DiagramEdgeView key={edge.id} edge={edge} markers={id} motion={motion} />
          ))}
        </g>
        {layout.edges.map((edge) => (
          <EdgeLabelView key={edge.id} edge={edge} font={layout.font} />
        ))}
      </svg>
    </div>
  );
}
