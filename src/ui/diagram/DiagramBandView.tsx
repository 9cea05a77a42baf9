import type { DiagramBand } from './model';

/** An invalidation in progress: a translucent band over the ring pages it covers, its thread named under them. */
export function DiagramBandView({ band, font, lit }: { band: DiagramBand; font: number; lit: boolean }) {
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; the role names the mark.
    <g
      className={`dband${lit ? ' dmark-lit' : ''}`}
      data-band={band.id}
      data-marks="band"
      role="img"
      aria-label={`Invalidation in progress: ${band.label.replace('▲ ', '')}`}
    >
      <rect className="dband-area" x={band.x} y={band.y} width={band.width} height={band.height} rx={8} />
      {lit ? (
        <rect
          className="dmark-halo"
          x={band.x - 4}
          y={band.y - 4}
          width={band.width + 8}
          height={band.height + 8}
          rx={10}
        />
      ) : null}
      <rect
        className="dband-tag"
        x={band.x}
        y={band.y + band.height - font * 1.45}
        width={Math.max(band.width, band.label.length * font * 0.6 + font)}
        height={font * 1.45}
        rx={6}
      />
      <text x={band.x + font * 0.5} y={band.y + band.height - font * 0.45}>
        {band.label}
      </text>
    </g>
  );
}
