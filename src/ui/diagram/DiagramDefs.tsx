const MARKERS = ['accent', 'muted', 'cached', 'danger', 'wait'] as const;

/** Arrowheads per arrow style and the hatch that marks freed or cleared things without relying on colour. */
export function DiagramDefs({ id }: { id: string }) {
  return (
    <defs>
      {MARKERS.map((name) => (
        <marker
          key={name}
          id={`${id}-${name}`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth="13"
          markerHeight="13"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className={`dhead dhead-${name}`} />
        </marker>
      ))}
      <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="8" className="dhatch-line" />
      </pattern>
    </defs>
  );
}
