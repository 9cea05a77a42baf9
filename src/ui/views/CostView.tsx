import type { Counters, State, StepEvent } from '../../core/types';

const COLUMNS: readonly [keyof Counters, string, string][] = [
  ['tlbMiss4K', '4K miss', 'TLB misses on 4K entries'],
  ['tlbMiss2M', '2M miss', 'TLB misses on 2M entries'],
  ['tlbMiss1G', '1G miss', 'TLB misses on 1G entries'],
  ['ptesWritten', 'PTEs', 'kernel PTEs written by vmap'],
  ['tlbFlushes', 'flushes', 'TLB flushes'],
  ['ipis', 'IPIs', 'flush IPIs to the other CPU'],
  ['gupCalls', 'gup', 'get_user_pages_fast calls'],
  ['locks', 'locks', 'locks taken'],
  // v5.0: only the get-user / copy-from paths use __uaccess_begin_nospec (KF second corrections).
  ['stacClac', 'stac/clac', 'uaccess calls: an SMAP stac/clac pair each; reads also pay a speculation barrier'],
  ['ringAccesses', 'accesses', 'ring accesses'],
  ['retries', 'retries', 'gup_fast redone after a failed seq/count check, or an invalidate_count bail-out'],
  ['sleeps', 'sleeps', 'sleeping threads woken: in mmu_interval_read_begin, or in mutex_lock on vq->mmu_lock'],
];

/** Cost counters of this step and of the run: a model for comparing designs, not a measurement. */
export function CostView({ state, event }: { state: State; event: StepEvent | undefined }) {
  return (
    <section className="view cost-view" aria-labelledby="cost-view-title">
      <h2 id="cost-view-title">Cost (a model, not a measurement)</h2>
      <table>
        <thead>
          <tr>
            <td />
            {COLUMNS.map(([key, short, long]) => (
              <th key={key} scope="col" title={long}>
                <abbr title={long}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">this step</th>
            {COLUMNS.map(([key]) => {
              const delta = event?.cost[key] ?? 0;
              return (
                <td key={key} className={delta > 0 ? 'cost-changed' : undefined}>
                  {delta > 0 ? `+${delta}` : '·'}
                </td>
              );
            })}
          </tr>
          <tr>
            <th scope="row">run total</th>
            {COLUMNS.map(([key]) => (
              <td key={key}>{state.counters[key]}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
