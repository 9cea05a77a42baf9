import { memoryOf } from '../catalog';
import type { MmThreadSpec, Scenario } from '../types';
import { exitLines } from './exit';
import { forkLines } from './fork';
import type { Line } from './line';
import { ksm, migrate, reclaim, writeback } from './mm-page-locked';
import { munmap, munmapBatchFull, oomReap, thpSplit } from './mm-unmap';
import { setVringAddr } from './set-vring-addr';

/** The lines of one mm-side thread, by event kind (each path in its own module). */
export function mmLines(spec: MmThreadSpec, scenario: Scenario): Line[] {
  const b = {
    design: scenario.design,
    bugs: scenario.bugs,
    memory: memoryOf(scenario),
    backing: scenario.backing,
    vqs: scenario.vqs,
  };
  switch (spec.kind) {
    case 'munmap':
      return munmap(b);
    case 'munmap-batch-full':
      return munmapBatchFull(b);
    case 'oom-reap':
      return oomReap(b);
    case 'reclaim':
      return reclaim(b);
    case 'migrate':
      return migrate(b);
    case 'ksm':
      return ksm(b);
    case 'thp-split':
      return thpSplit(b);
    case 'set-vring-addr':
      return setVringAddr(b);
    case 'writeback':
      return writeback(b);
    case 'fork':
      return forkLines(b);
    case 'exit':
      return exitLines(b);
  }
}
