import { scaleLinear } from 'd3-scale';
import { guestUsedIdx, ringLayout } from '../../core';
import type { State } from '../../core/types';
import type { ChangedTest } from './changed';
import { AnimatedRect } from './svg/Animated';
import { ChangedMark, ViewFrame } from './ViewFrame';

const WIDTH = 330;
const PAGE_Y = 18;
const AREA_Y = 50;
const PAGE_BYTES = 4096;

/** The split virtqueue on its guest pages, and used.idx as the guest reads it against what vhost published. */
export function RingView({ state, changed }: { state: State; changed: ChangedTest }) {
  const layout = ringLayout(state.scenario.ringSize);
  const x = scaleLinear()
    .domain([0, layout.pages * PAGE_BYTES])
    .range([4, WIDTH - 4]);
  const guestIdx = guestUsedIdx(state);
  const stale = guestIdx !== state.published;
  const base = state.vhost.region * layout.pages;
  const idxChanged = changed('published') || changed('frames');
  return (
    <ViewFrame
      title={`Guest ring (${layout.ringSize} entries)`}
      summary={`The guest reads used.idx ${guestIdx}; vhost has published ${state.published}.`}
      width={WIDTH}
      height={128}
      changed={idxChanged}
    >
      {({ hatch }) => (
        <>
          <text x={4} y={12} className="col-head">
            ring pages (region {state.vhost.region}) and the areas on them
          </text>
          {Array.from({ length: layout.pages }, (_, page) => {
            const pte = state.ptes[base + page];
            const present = pte?.present ?? false;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: ring pages are numbered by position.
              <g key={page} data-ring-page={page}>
                <AnimatedRect
                  x={x(page * PAGE_BYTES) + 1}
                  y={PAGE_Y}
                  width={x(PAGE_BYTES) - x(0) - 2}
                  height={24}
                  rx={2}
                  className={`cell${present ? '' : ' cell-gone'}${changed(`ptes.${base + page}`) ? ' cell-changed' : ''}`}
                  style={present ? undefined : { fill: `url(#${hatch})` }}
                />
                <text x={x(page * PAGE_BYTES) + 6} y={PAGE_Y + 16} className="cell-text">
                  {layout.pages <= 4 ? `page ${page}` : `p${page}`}
                  {present ? ` → #${pte?.frame}` : ' ✕'}
                </text>
              </g>
            );
          })}
          {layout.areas.map((area) => (
            <g key={area.area} data-area={area.area}>
              <AnimatedRect
                x={x(area.offset)}
                y={AREA_Y}
                width={Math.max(2, x(area.offset + area.bytes) - x(area.offset))}
                height={18}
                className={`area area-${area.area}`}
              />
              <text x={x(area.offset) + 4} y={AREA_Y + 13} className="area-text">
                {area.area} {area.bytes} B
              </text>
            </g>
          ))}
          <text x={4} y={AREA_Y + 42} className={`info-text${stale ? ' strong' : ''}`}>
            guest reads used.idx = {guestIdx}
            {stale ? ' ⚠ differs' : ' ✓'}
          </text>
          <text x={4} y={AREA_Y + 60} className="info-text">
            vhost published used.idx = {state.published}
          </text>
          <ChangedMark x={WIDTH - 14} y={AREA_Y + 42} on={idxChanged} />
        </>
      )}
    </ViewFrame>
  );
}
