import type { State } from '../../core/types';
import type { ChangedTest } from './changed';
import { isGone, ownerLabel } from './labels';
import { AnimatedRect } from './svg/Animated';
import { ChangedMark, ViewFrame } from './ViewFrame';

const ROW = 22;
const WIDTH = 330;

/** struct page per frame: counts, flags and owner; a frame freed under a live vhost pointer is hatched and labelled. */
export function FramesView({ state, changed }: { state: State; changed: ChangedTest }) {
  const pointed = new Set(state.vhost.ptr.filter((f) => f >= 0));
  const height = 18 + state.frames.length * ROW;
  const freedUnderPointer = state.frames.filter((frame, f) => isGone(frame) && pointed.has(f)).length;
  return (
    <ViewFrame
      title="Frames (struct page)"
      summary={`${state.frames.length} frames; ${freedUnderPointer} freed while vhost still points at them.`}
      width={WIDTH}
      height={height}
      changed={changed('frames')}
    >
      {({ hatch }) => (
        <>
          <text x={8} y={12} className="col-head">
            <tspan>frame</tspan>
            <tspan x={40}>size</tspan>
            <tspan x={72}>ref</tspan>
            <tspan x={100}>map</tspan>
            <tspan x={128}>D/L</tspan>
            <tspan x={160}>owner</tspan>
          </text>
          {state.frames.map((frame, f) => {
            const y = 18 + f * ROW;
            const gone = isGone(frame);
            const underPointer = gone && pointed.has(f);
            const isChanged = changed(`frames.${f}`);
            const flags = `${frame.dirty ? 'D' : '·'}${frame.locked ? 'L' : '·'}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: frame ids are their indices and never move.
              <g key={f} data-frame={f} data-owner={frame.owner} className={underPointer ? 'danger' : undefined}>
                <AnimatedRect
                  x={2}
                  y={y}
                  width={WIDTH - 4}
                  height={ROW - 3}
                  rx={3}
                  className={`cell${gone ? ' cell-gone' : ''}${isChanged ? ' cell-changed' : ''}`}
                  style={gone ? { fill: `url(#${hatch})` } : undefined}
                />
                <text x={8} y={y + 14} className="cell-text">
                  <tspan className="mono">#{f}</tspan>
                  <tspan x={40}>{frame.size}</tspan>
                  <tspan x={72}>{frame.refcount}</tspan>
                  <tspan x={100}>{frame.mapcount}</tspan>
                  <tspan x={128} className="mono">
                    {flags}
                  </tspan>
                  <tspan x={160} className={gone ? 'strong' : undefined}>
                    {ownerLabel(frame.owner)}
                    {frame.corrupted ? ' · corrupted' : ''}
                    {underPointer ? ' ⚠ under live ptr' : ''}
                  </tspan>
                </text>
                <ChangedMark x={WIDTH - 14} y={y + 14} on={isChanged} />
              </g>
            );
          })}
        </>
      )}
    </ViewFrame>
  );
}
