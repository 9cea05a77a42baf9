import { scaleBand, scaleLinear } from 'd3-scale';
import type { Counters } from '../../core/types';

const ROWS: readonly { key: keyof Counters; label: string }[] = [
  { key: 'tlbMiss4K', label: 'TLB misses, 4K' },
  { key: 'tlbMiss2M', label: 'TLB misses, 2M' },
  { key: 'tlbMiss1G', label: 'TLB misses, 1G' },
  { key: 'ptesWritten', label: 'PTEs written' },
  { key: 'tlbFlushes', label: 'TLB flushes' },
  { key: 'ipis', label: 'IPIs' },
  { key: 'gupCalls', label: 'gup calls' },
  { key: 'retries', label: 'gup retries' },
  { key: 'sleeps', label: 'sleeps (woken)' },
  { key: 'locks', label: 'locks taken' },
  { key: 'stacClac', label: 'stac/clac pairs' },
];

const LABEL = 130;
const BAR = 14;
const ROW = 2 * BAR + 8;

interface Props {
  a: Counters;
  b: Counters;
  names: readonly [string, string];
}

/** Each modelled counter for both designs as a pair of bars, the value written beside each bar. */
export function CostChart({ a, b, names }: Props) {
  const width = 460;
  const max = Math.max(1, ...ROWS.flatMap(({ key }) => [a[key], b[key]]));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, width - LABEL - 70]);
  const y = scaleBand<string>()
    .domain(ROWS.map((row) => row.key))
    .range([0, ROWS.length * ROW]);
  const height = ROWS.length * ROW;
  const label = costRows(a, b)
    .map((row) => `${row.label}: A ${row.a}, B ${row.b}`)
    .join('; ');
  return (
    <figure className="sbs-figure">
      <figcaption>
        Modelled counts, a model of the steps and not measurements: A = {names[0]}, B = {names[1]}
      </figcaption>
      <svg
        role="img"
        aria-label={label}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="sbs-chart"
      >
        {ROWS.map(({ key, label: rowLabel }) => {
          const top = y(key) ?? 0;
          return (
            <g key={key}>
              <text x={0} y={top + BAR} dominantBaseline="middle">
                {rowLabel}
              </text>
              {([a[key], b[key]] as const).map((value, i) => (
                <g key={i === 0 ? 'a' : 'b'} className={i === 0 ? 'sbs-bar-a' : 'sbs-bar-b'}>
                  <rect x={LABEL} y={top + i * BAR} width={Math.max(1, x(value))} height={BAR - 2} />
                  <text x={LABEL + x(value) + 4} y={top + i * BAR + BAR / 2} dominantBaseline="middle">
                    {i === 0 ? 'A' : 'B'} {value}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The same counts as text rows, for screen readers and for reading exact values. */
export function costRows(a: Counters, b: Counters) {
  return ROWS.map(({ key, label }) => ({ key, label, a: a[key], b: b[key] }));
}
