import { scaleBand } from 'd3-scale';
import type { Comparison, RunOutcome } from './compare-runs';

const CELL = 24;
const LANE = 30;
const LEFT = 28;
const TOP = 34;

interface Props {
  comparison: Comparison;
  /** The timeline's own summary, read by screen readers instead of the cells. */
  label: string;
}

function Lane({ run, y, x, name }: { run: RunOutcome; y: number; x: (i: number) => number; name: string }) {
  const hazardStep = run.firstHazard?.step ?? null;
  return (
    <g className="cmp-lane">
      <text x={4} y={y + LANE / 2} dominantBaseline="middle" className="cmp-lane-name">
        {name}
      </text>
      {run.events.map((event, i) => (
        <g
          key={event.step}
          className={`cmp-cell cmp-thread-${event.thread % 4}${i === hazardStep ? ' cmp-hazard' : ''}`}
        >
          <rect x={x(i)} y={y} width={CELL - 2} height={LANE - 4} rx={3} />
          <text x={x(i) + (CELL - 2) / 2} y={y + (LANE - 4) / 2} textAnchor="middle" dominantBaseline="middle">
            {i === hazardStep ? '⚠' : event.thread + 1}
          </text>
        </g>
      ))}
      {run.stoppedAt !== null ? (
        <text x={x(run.stoppedAt) + 2} y={y + LANE / 2} dominantBaseline="middle" className="cmp-stop">
          ✕ cannot run
        </text>
      ) : null}
    </g>
  );
}

/** Two runs as lanes of thread cells on one step axis, with the divergence and each first hazard marked. */
export function CompareTimeline({ comparison, label }: Props) {
  const { a, b, divergeAt } = comparison;
  const steps = Math.max(
    a.events.length + (a.stoppedAt === null ? 0 : 4),
    b.events.length + (b.stoppedAt === null ? 0 : 4),
    1,
  );
  const band = scaleBand<number>()
    .domain(Array.from({ length: steps }, (_, i) => i))
    .range([LEFT, LEFT + steps * CELL]);
  const x = (i: number) => band(i) ?? LEFT + i * CELL;
  const width = LEFT + steps * CELL + 8;
  const height = TOP + 2 * LANE + 8;
  const ticks = band.domain().filter((i) => i === 0 || (i + 1) % 5 === 0);
  return (
    <div className="cmp-scroll">
      <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {ticks.map((i) => (
          <text key={i} x={x(i) + CELL / 2} y={12} textAnchor="middle" className="cmp-tick">
            {i + 1}
          </text>
        ))}
        {divergeAt !== null ? (
          <g className="cmp-diverge">
            <line x1={x(divergeAt) - 1} x2={x(divergeAt) - 1} y1={16} y2={height - 2} />
            <text x={x(divergeAt) + 2} y={28}>
              ▾ diverge
            </text>
          </g>
        ) : null}
        <Lane run={a} y={TOP} x={x} name="A" />
        <Lane run={b} y={TOP + LANE} x={x} name="B" />
      </svg>
    </div>
  );
}
