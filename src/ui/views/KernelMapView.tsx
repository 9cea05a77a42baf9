import { scaleBand } from 'd3-scale';
import type { State } from '../../core/types';
import type { ChangedTest } from './changed';
import { isGone } from './labels';
import { AnimatedRect } from './svg/Animated';
import { ChangedMark, ViewFrame } from './ViewFrame';

const WIDTH = 330;
const ROW = 20;
const BAND_Y = 22;
const VMALLOC_Y = 82;

/** The kernel's own mappings of the ring frames: the huge-page direct map and the 4K vmalloc PTEs vmap creates. */
export function KernelMapView({ state, changed }: { state: State; changed: ChangedTest }) {
  const frameIds = state.frames.map((_, f) => f);
  const x = scaleBand<number>()
    .domain(frameIds)
    .range([4, WIDTH - 4])
    .paddingInner(0.15);
  const vmalloc = state.vmalloc;
  const height = VMALLOC_Y + 8 + Math.max(1, vmalloc.length) * ROW;
  return (
    <ViewFrame
      title="Kernel mappings"
      summary={`Direct map with ${state.scenario.directMap} entries; ${vmalloc.length} vmalloc PTEs from vmap.`}
      width={WIDTH}
      height={height}
      changed={changed('vmalloc')}
    >
      {({ hatch }) => (
        <>
          <text x={4} y={12} className="col-head">
            Direct map ({state.scenario.directMap} entries): page_address() of every frame
          </text>
          {frameIds.map((f) => {
            const gone = isGone(state.frames[f]);
            return (
              <g key={f} data-direct={f}>
                <AnimatedRect
                  x={x(f) ?? 0}
                  y={BAND_Y}
                  width={x.bandwidth()}
                  height={22}
                  rx={2}
                  className={`cell${gone ? ' cell-gone' : ''}`}
                  style={gone ? { fill: `url(#${hatch})` } : undefined}
                />
                <text x={(x(f) ?? 0) + x.bandwidth() / 2} y={BAND_Y + 15} textAnchor="middle" className="cell-text">
                  {f}
                </text>
              </g>
            );
          })}
          <text x={4} y={BAND_Y + 40} className="info-text">
            hatched: frame freed (the direct map still maps it)
          </text>
          <text x={4} y={VMALLOC_Y - 4} className="col-head">
            vmalloc area (vmap: 4K PTEs) · current slot {state.vhost.vmapSlot < 0 ? 'none' : state.vhost.vmapSlot}
          </text>
          {vmalloc.length === 0 ? (
            <text x={4} y={VMALLOC_Y + 14} className="info-text">
              no vmalloc PTEs
            </text>
          ) : null}
          {vmalloc.map((pte, row) => {
            const y = VMALLOC_Y + 2 + row * ROW;
            const gone = isGone(state.frames[pte.frame]);
            return (
              <g key={`${pte.slot}-${pte.page}`} data-vmalloc={`${pte.slot}-${pte.page}`}>
                <AnimatedRect x={2} y={y} width={WIDTH - 4} height={ROW - 3} rx={3} className="cell" />
                <text x={8} y={y + 13} className={`cell-text${gone ? ' strong' : ''}`}>
                  slot {pte.slot} page {pte.page} → #{pte.frame} (4K){gone ? ' ⚠ frame freed' : ''}
                </text>
              </g>
            );
          })}
          <ChangedMark x={WIDTH - 14} y={VMALLOC_Y - 4} on={changed('vmalloc')} />
        </>
      )}
    </ViewFrame>
  );
}
