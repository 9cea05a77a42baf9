import { useEffect, useId, useMemo, useState } from 'react';
import type { State, StepEvent } from '../../core/types';
import { changedMatcher, nothingChanged } from '../views/changed';
import { useReducedMotion } from '../views/svg/useReducedMotion';
import { DiagramBandView } from './DiagramBandView';
import { DiagramDefs } from './DiagramDefs';
import { DiagramEdgeView, EdgeLabelView, edgeMark } from './DiagramEdgeView';
import { DiagramNodeView } from './DiagramNodeView';
import { layoutDiagram, presenterScale, registerDenserLayouts } from './layout';
import type { DiagramBand, MarkId } from './model';
import { motionFor } from './useAnimatedAttrs';
import { useBox } from './useBox';
import './diagram.css';
import './diagram-protocol.css';

interface Props {
  state: State;
  /** The step that produced `state`; what it changed is marked. */
  event: StepEvent | undefined;
  /** The state before that step: a changed value shows its old value beside the new one. */
  previous?: State | undefined;
  /** Text size in CSS pixels when the picture is drawn 1:1. */
  font: number;
  /** Presenter mode: the picture is scaled (viewBox) to fill its box, its text growing with it. */
  fill?: boolean;
  /** Marks the open tour chapter is about, outlined. */
  highlight?: readonly MarkId[];
  /** While playing, movements are shortened to fit in one step. */
  playing?: boolean;
  speed?: number;
}

/** A band reaching lower is drawn first, so a band whose label sits above its label never washes that label out. */
const bandsDeepestFirst = (bands: readonly DiagramBand[]) =>
  [...bands].sort((a, b) => b.y + b.height - (a.y + a.height));

/** The least text size in presenter mode: 14 px, growing with the box to 18 px on a full-HD projector. */
const presenterFont = (width: number) => Math.max(14, Math.min(18, width / 80));

/** The translation paths and the protocol around them as one picture (one SVG, which the export takes as it is). */
export function Diagram({
  state,
  event,
  previous,
  font,
  fill = false,
  highlight = [],
  playing = false,
  speed = 1,
}: Props) {
  const id = useId().replace(/:/g, '');
  const { ref, box } = useBox<HTMLDivElement>({ width: 680, height: 0 });
  const reduced = useReducedMotion();
  const motion = useMemo(() => motionFor(reduced, playing, speed), [reduced, playing, speed]);
  // Presenter mode loads the denser arrangements a tall picture needs to fit its box; the picture is laid out again then.
  const [denser, setDenser] = useState(false);
  useEffect(() => {
    if (!fill || denser) return;
    let live = true;
    import('./denser-layouts').then(
      (m) => {
        registerDenserLayouts(m.denserLayout, m.sideLegs);
        if (live) setDenser(true);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [fill, denser]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `denser` is not read here; once loaded, the same inputs lay out differently.
  const layout = useMemo(
    () =>
      layoutDiagram(state, event ? changedMatcher(event.changed) : nothingChanged, {
        width: box.width,
        font,
        ...(fill && box.height > 0 ? { box, minScale: presenterFont(box.width) / font } : {}),
        ...(event && previous ? { previous } : {}),
      }),
    [state, event, previous, box, font, fill, denser],
  );
  // Drawn 1:1, or in presenter mode scaled to the largest size that fits the box (taller than the box, it scrolls).
  const scale = fill && box.height > 0 ? presenterScale(layout, box, presenterFont(box.width) / font) : 1;
  const lit = new Set<string>(highlight);
  const isLit = (marks: readonly string[] | undefined) => !!marks?.some((m) => lit.has(m));
  const thin = layout.edges.filter((e) => e.style === 'thin');
  const bold = layout.edges.filter((e) => e.style !== 'thin');
  return (
    <div ref={ref} className={`diagram${fill ? ' diagram-fill' : ''}`}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; as a group its marks keep their own names. */}
      <svg
        role="group"
        aria-label={layout.summary}
        width={Math.ceil(layout.width * scale - 0.001)}
        height={Math.ceil(layout.height * scale - 0.001)}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        fontSize={layout.font}
        data-scale={scale.toFixed(3)}
      >
        <DiagramDefs id={id} />
        {layout.heads.map((head) => (
          <text key={head.column} x={head.x} y={layout.font + 2} className="dhead-title">
            {head.title}
          </text>
        ))}
        {bandsDeepestFirst(layout.bands).map((band) => (
          <DiagramBandView key={band.id} band={band} font={layout.font} lit={lit.has('band')} />
        ))}
        <g className="dedges-thin">
          {thin.map((edge) => (
            <DiagramEdgeView key={edge.id} edge={edge} markers={id} motion={motion} lit={lit.has(edgeMark(edge))} />
          ))}
        </g>
        {layout.nodes.map((node) => (
          <DiagramNodeView
            key={node.id}
            node={node}
            font={layout.font}
            line={layout.line}
            pad={layout.pad}
            hatch={`${id}-hatch`}
            motion={motion}
            lit={isLit(node.marks)}
          />
        ))}
        <g className="dedges">
          {bold.map((edge) => (
            <DiagramEdgeView key={edge.id} edge={edge} markers={id} motion={motion} lit={lit.has(edgeMark(edge))} />
          ))}
        </g>
        {layout.edges.map((edge) => (
          <EdgeLabelView key={edge.id} edge={edge} font={layout.font} />
        ))}
      </svg>
    </div>
  );
}
