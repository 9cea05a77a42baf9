import { ringLayout } from '../../core';
import type { Pte, State } from '../../core/types';
import type { ChangedTest } from './changed';
import { pteLabel } from './labels';
import { AnimatedRect } from './svg/Animated';
import { ChangedMark, ViewFrame } from './ViewFrame';

const ROW = 22;
const WIDTH = 330;

const flag = (on: boolean, letter: string) => (on ? letter : '·');

/** QEMU's user page table: one entry per ring page (a huge entry repeats on each page it covers). */
export function PageTableView({ state, changed }: { state: State; changed: ChangedTest }) {
  const vq0Regions = state.scenario.mm.some((m) => m.kind === 'set-vring-addr') ? 2 : 1;
  // vq 1's ring, with two vqs, is the region after vq 0's.
  const regions = vq0Regions + (state.scenario.vqs ?? 1) - 1;
  const perRegion = ringLayout(state.scenario.ringSize).pages;
  const shown: Array<{ index: number; pte: Pte }> = state.ptes
    .map((pte, index) => ({ index, pte }))
    .filter(({ index }) => Math.floor(index / perRegion) < regions);
  const regionName = (region: number) =>
    region >= vq0Regions ? 'vq1 ' : vq0Regions > 1 ? `r${region} ` : regions > 1 ? 'vq0 ' : '';
  const height = 18 + shown.length * ROW;
  const present = shown.filter(({ pte }) => pte.present).length;
  return (
    <ViewFrame
      title="QEMU page table"
      summary={`${present} of ${shown.length} ring page entries present.`}
      width={WIDTH}
      height={height}
      changed={changed('ptes')}
    >
      {({ hatch }) => (
        <>
          <text x={8} y={12} className="col-head">
            <tspan>HVA page</tspan>
            <tspan x={96}>maps to</tspan>
            <tspan x={200}>size</tspan>
            <tspan x={240}>P W D</tspan>
          </text>
          {shown.map(({ index, pte }, row) => {
            const y = 18 + row * ROW;
            const isChanged = changed(`ptes.${index}`);
            const region = Math.floor(index / perRegion);
            return (
              <g key={index} data-pte={index} data-present={pte.present}>
                <AnimatedRect
                  x={2}
                  y={y}
                  width={WIDTH - 4}
                  height={ROW - 3}
                  rx={3}
                  className={`cell${pte.present ? '' : ' cell-gone'}${isChanged ? ' cell-changed' : ''}`}
                  style={pte.present ? undefined : { fill: `url(#${hatch})` }}
                />
                <text x={8} y={y + 14} className="cell-text">
                  <tspan>
                    {regionName(region)}page {index % perRegion}
                  </tspan>
                  <tspan x={96} className={pte.present ? undefined : 'strong'}>
                    {pteLabel(pte)}
                  </tspan>
                  <tspan x={200}>{pte.size}</tspan>
                  <tspan x={240} className="mono">
                    {flag(pte.present, 'P')} {flag(pte.writable, 'W')} {flag(pte.dirty, 'D')}
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
