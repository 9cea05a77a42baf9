import type { MmEventKind, Program, Scenario } from '../types';
import { compileLines } from './line';
import { mmLines } from './mm';
import { vhostLines } from './vhost';

const MM_NAMES: Record<MmEventKind, string> = {
  munmap: 'munmap / MADV_DONTNEED',
  'munmap-batch-full': 'munmap, gather batch full',
  reclaim: 'reclaim (kswapd)',
  migrate: 'migration',
  ksm: 'KSM (ksmd)',
  'thp-split': 'THP split',
  'oom-reap': 'OOM reaper',
  'set-vring-addr': 'QEMU SET_VRING_ADDR',
  writeback: 'writeback (flusher)',
  fork: 'fork + QEMU’s write fault (COW)',
  exit: 'QEMU exits (exit_mmap)',
};

function compile(scenario: Scenario): Program[] {
  const vhost: Program = {
    kind: 'vhost',
    name: 'vhost worker',
    cpu: 0,
    instrs: compileLines(vhostLines(scenario.design, scenario.bugs)),
  };
  const seen = new Map<MmEventKind, number>();
  const mm = scenario.mm.map((spec): Program => {
    const n = (seen.get(spec.kind) ?? 0) + 1;
    seen.set(spec.kind, n);
    const target = spec.target === 'all' ? '' : ` (${spec.target})`;
    return {
      kind: spec.kind,
      name: `${MM_NAMES[spec.kind]}${target}${n > 1 ? ` #${n}` : ''}`,
      cpu: spec.kind === 'set-vring-addr' ? 2 : 1,
      instrs: compileLines(mmLines(spec, scenario)),
    };
  });
  return [vhost, ...mm];
}

const cache = new WeakMap<Scenario, Program[]>();

/** Thread programs of a scenario: thread 0 is the vhost worker, then one per mm event. Memoised per object. */
export function programsOf(scenario: Scenario): Program[] {
  let programs = cache.get(scenario);
  if (!programs) {
    programs = compile(scenario);
    cache.set(scenario, programs);
  }
  return programs;
}
