import { zeroCounters } from '../core/context';
import type { Finding, Frame, Instr, Pte, Scenario, State, StepEvent } from '../core/types';
import { freshThread } from '../core/world';

/** Hand-made data typed by the core's model, for tests that must not depend on the simulation's behaviour. */
export const fixtureScenario: Scenario = {
  format: 1,
  id: 'fixture-kmap-seq',
  title: 'Fixture: kmap + seq vs munmap',
  summary: 'A hand-made scenario for tests.',
  design: 'kmap-seq',
  bugs: ['skip-seq-check'],
  backing: '4k',
  directMap: '2M',
  ringSize: 256,
  rounds: 1,
  mm: [{ kind: 'munmap-batch-full', target: 'all' }],
  startRegion: 0,
  story: [0, 1, 0],
  expect: { hazards: ['use-after-free'], warnings: [] },
};

const frame = (overrides: Partial<Frame> = {}): Frame => ({
  size: '4K',
  refcount: 1,
  mapcount: 1,
  dirty: false,
  locked: false,
  owner: 'qemu-ring',
  usedIdx: 0,
  corrupted: false,
  ...overrides,
});

const pte = (frameIndex: number, overrides: Partial<Pte> = {}): Pte => ({
  frame: frameIndex,
  size: '4K',
  present: true,
  writable: true,
  dirty: false,
  swapped: 'none',
  ...overrides,
});

export const fixtureInitial: State = {
  scenario: fixtureScenario,
  time: 0,
  ptes: [pte(0), pte(1), pte(2), pte(3), pte(4), pte(5)],
  frames: [frame(), frame(), frame(), frame(), frame(), frame(), frame({ owner: 'free', refcount: 0, mapcount: 0 })],
  vmalloc: [],
  tlbs: [[], []],
  vhost: {
    region: 0,
    ptr: [-1, -1, -1],
    vmapSlot: -1,
    vmapSlot1: -1,
    nextSlot: 0,
    seq: 0,
    count: 0,
    itreeSeq: 0,
    itreeActive: 0,
    mmuLock: -1,
    vqMutex: -1,
    vqMutex1: -1,
    registered: true,
  },
  threads: [freshThread(3), freshThread(3)],
  swap: [-1, -1, -1],
  published: 0,
  counters: zeroCounters(),
  findings: [],
};

export const fixtureUseAfterFree: Finding = {
  kind: 'use-after-free',
  severity: 'hazard',
  step: 2,
  thread: 0,
  frames: [2],
  threads: [0, 1],
  message: 'vhost wrote used.idx into frame 2 after munmap freed it.',
  rule: 'Check seq and count under mmu_lock before using the pointer.',
};

/** The state after the hazard: frame 2 was freed and reused while vhost.ptr still points at it. */
export const fixtureAfterHazard: State = {
  ...fixtureInitial,
  time: 3,
  ptes: fixtureInitial.ptes.map((entry, page) => (page < 3 ? { ...entry, present: false } : entry)),
  frames: fixtureInitial.frames.map((entry, index) =>
    index === 2 ? { ...entry, owner: 'reused-by-other', refcount: 1, mapcount: 0, corrupted: true } : entry,
  ),
  tlbs: [
    [
      { kind: 'direct', key: 0, frame: -1, size: '2M' },
      { kind: 'user', key: 0, frame: 0, size: '4K' },
    ],
    [],
  ],
  vhost: { ...fixtureInitial.vhost, ptr: [0, 1, 2], mmuLock: 0 },
  findings: [fixtureUseAfterFree],
};

export const fixtureInstr: Instr = {
  op: 'kaccess',
  fn: 'vhost_put_used_idx',
  code: 'used->idx = last_used_idx;',
  explain: 'vhost publishes used.idx through its kernel pointer.',
  depth: 0,
  arg: 2,
  target: -1,
};

export function fixtureEvent(overrides: Partial<StepEvent> = {}): StepEvent {
  return {
    step: 0,
    thread: 0,
    pc: 0,
    instr: fixtureInstr,
    detail: 'vhost wrote used.idx = 1 into frame 2.',
    findings: [],
    cost: fixtureInitial.counters,
    changed: ['frames.2'],
    ...overrides,
  };
}
