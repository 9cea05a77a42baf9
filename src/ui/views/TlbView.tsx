import { isStaleTlb } from '../../core';
import type { PageSize, State, TlbEntry } from '../../core/types';
import type { ChangedTest } from './changed';
import { AnimatedRect } from './svg/Animated';
import { ViewFrame } from './ViewFrame';

const ROW = 20;
const COLUMN = 164;
const SIZE_ORDER: PageSize[] = ['1G', '2M', '4K'];
const CPU_ROLE = ['vhost', 'mm'];

function entryLabel(entry: TlbEntry): string {
  if (entry.kind === 'user') return `user p${entry.key} → #${entry.frame}`;
  if (entry.kind === 'vmalloc') return `vmap s${Math.floor(entry.key / 64)}p${entry.key % 64} → #${entry.frame}`;
  return entry.frame < 0 ? 'direct map' : `direct → #${entry.frame}`;
}

/** One TLB per CPU, entries grouped by page size; an entry whose PTE is gone is hatched and says STALE. */
export function TlbView({ state, changed }: { state: State; changed: ChangedTest }) {
  const rows = Math.max(1, ...state.tlbs.map((tlb) => tlb.length));
  const stale = state.tlbs.reduce((n, tlb, cpu) => n + tlb.filter((e) => isStaleTlb(state, cpu, e)).length, 0);
  return (
    <ViewFrame
      title="TLBs"
      summary={`${state.tlbs.length} CPUs, ${stale} stale entries.`}
      width={COLUMN * 2 + 2}
      height={22 + rows * ROW}
      changed={changed('tlbs')}
    >
      {({ hatch }) =>
        state.tlbs.map((tlb, cpu) => {
          const x = cpu * COLUMN + 2;
          const sorted = [...tlb].sort((a, b) => SIZE_ORDER.indexOf(a.size) - SIZE_ORDER.indexOf(b.size));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: CPUs are numbered by position.
            <g key={cpu} data-cpu={cpu}>
              <text x={x + 2} y={12} className="col-head">
                CPU{cpu} ({CPU_ROLE[cpu] ?? 'cpu'}){changed(`tlbs.${cpu}`) ? ' Δ' : ''}
              </text>
              {sorted.length === 0 ? (
                <text x={x + 2} y={32} className="info-text">
                  empty
                </text>
              ) : null}
              {sorted.map((entry, row) => {
                const isStale = isStaleTlb(state, cpu, entry);
                const y = 18 + row * ROW;
                return (
                  <g key={`${entry.kind}-${entry.key}-${entry.frame}`} data-stale={isStale}>
                    <AnimatedRect
                      x={x}
                      y={y}
                      width={COLUMN - 6}
                      height={ROW - 3}
                      rx={3}
                      className={`cell${isStale ? ' cell-gone' : ''}`}
                      style={isStale ? { fill: `url(#${hatch})` } : undefined}
                    />
                    <text x={x + 5} y={y + 13} className={`cell-text${isStale ? ' strong' : ''}`}>
                      {entry.size} {entryLabel(entry)}
                      {isStale ? ' STALE' : ''}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })
      }
    </ViewFrame>
  );
}
