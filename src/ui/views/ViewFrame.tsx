import { type CSSProperties, type ReactNode, useId } from 'react';

interface ViewFrameProps {
  title: string;
  /** One sentence for screen readers: what the picture shows right now. */
  summary: string;
  width: number;
  height: number;
  changed: boolean;
  children: (ids: { hatch: string }) => ReactNode;
}

/** A titled SVG panel; the hatch pattern marks freed, stale or invalid things without relying on colour. */
export function ViewFrame({ title, summary, width, height, changed, children }: ViewFrameProps) {
  const id = useId();
  const hatch = `${id}-hatch`;
  return (
    <section className={`view${changed ? ' view-changed' : ''}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title}
        {changed ? <span className="changed-tag"> · changed</span> : null}
      </h2>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${summary}`}
        preserveAspectRatio="xMinYMin meet"
        // Read by the stylesheet, which never draws the SVG narrower than its smallest text allows (14 px).
        style={{ '--view-width': width } as CSSProperties}
      >
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
          </pattern>
        </defs>
        {children({ hatch })}
      </svg>
    </section>
  );
}

/** A small "changed" marker next to an element, so the highlight is not colour alone. */
export function ChangedMark({ x, y, on }: { x: number; y: number; on: boolean }) {
  return on ? (
    <text x={x} y={y} className="changed-mark" aria-label="changed by the last step">
      Δ
    </text>
  ) : null;
}
