import { isIntervalDesign, memoryOf } from './catalog';
import { zeroCounters } from './context';
import { newFrame } from './frames';
import { layoutOf } from './layout';
import { vq0Regions, vqsOf } from './pagetable';
import { programsOf } from './programs/compile';
import type { Frame, PageSize, Pte, Scenario, State, ThreadState } from './types';

const BACKING_SIZE: Record<Scenario['backing'], PageSize> = { '4k': '4K', thp: '2M', 'hugetlb-1g': '1G' };

/** A thread at its first step with nothing in hand; `pages` is the ring page count (0 for mm threads). */
export function freshThread(pages: number): ThreadState {
  return {
    pc: 0,
    done: false,
    locals: {
      round: 0,
      seqSnap: 0,
      pages: new Array(pages).fill(-1),
      refs: [],
      inRcu: false,
      eagain: false,
      newFrame: -1,
      mapSlot: -1,
      aborted: false,
      unpublished: false,
    },
  };
}

/**
 * The ring pages of region 0 (and region 1 when the ring can move), mapped by QEMU as each kind of memory can be:
 * anonymous pages dirty with no swap copy (written since swap-in: reuse_swap_page freed the copy); shmem pages clean
 * and mapped writable (shmem does not write-notify), a fault would read zeros; file pages clean and mapped read-only
 * (the first write faults into page_mkwrite), a fault would read the file.
 */
export function init(scenario: Scenario): State {
  const pages = layoutOf(scenario.ringSize).pages;
  const vqs = vqsOf(scenario);
  // vq 1's ring, when there is one, is one more region after vq 0's.
  const regions = vq0Regions(scenario) + vqs - 1;
  const size = BACKING_SIZE[scenario.backing];
  const memory = memoryOf(scenario);
  const frames: Frame[] = [];
  const ptes: Pte[] = [];
  for (let r = 0; r < regions; r++) {
    if (size !== '4K') frames.push(newFrame(size, 'qemu-ring', 0));
    for (let p = 0; p < pages; p++) {
      if (size === '4K') frames.push(newFrame('4K', 'qemu-ring', 0));
      const writable = memory !== 'file';
      ptes.push({ frame: frames.length - 1, size, present: true, writable, dirty: false, swapped: 'none' });
    }
    if (memory === 'anonymous') for (const f of frames) f.dirty = true;
  }
  const threads = [freshThread(pages * vqs), ...scenario.mm.map(() => freshThread(0))];
  scenario.mm.forEach((m, i) => {
    const thread = threads[i + 1];
    if (m.kind !== 'ksm' || !thread) return;
    frames.push(newFrame('4K', 'ksm-shared', 0));
    thread.locals.newFrame = frames.length - 1;
  });
  programsOf(scenario);
  const interval = isIntervalDesign(scenario.design);
  return {
    scenario,
    time: 0,
    ptes,
    frames,
    vmalloc: [],
    tlbs: [[], []],
    vhost: {
      region: scenario.startRegion,
      ptr: new Array(pages * vqs).fill(-1),
      vmapSlot: -1,
      vmapSlot1: -1,
      nextSlot: 0,
      seq: interval ? 1 : 0,
      count: 0,
      itreeSeq: interval ? 2 : 0,
      itreeActive: 0,
      mmuLock: -1,
      vqMutex: -1,
      vqMutex1: -1,
      registered: true,
    },
    threads,
    swap: new Array(pages * vqs).fill(memory === 'anonymous' ? -1 : 0),
    published: 0,
    counters: zeroCounters(),
    findings: [],
  };
}
