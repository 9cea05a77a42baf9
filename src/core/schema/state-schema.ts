import { clearCounters, zeroCounters } from '../context';
import type {
  Finding,
  Frame,
  FrameOwner,
  PageSize,
  Pte,
  State,
  ThreadLocals,
  ThreadState,
  TlbEntry,
  TlbKind,
  VhostState,
  VmallocPte,
} from '../types';
import { bool, enumOf, history, int, list, model, record } from './fields';

/**
 * Bounds above what any valid scenario reaches (at most 4 rounds, 4 mm threads, ring size 1024 = 8 ring pages in
 * each of 2 regions); the encoder throws on a value outside its bounds rather than merge two states.
 */
export const CAPACITY = {
  frames: 127,
  ringPages: 8,
  ptes: 16,
  threads: 5,
  pc: 255,
  slots: 63,
  tlbEntries: 63,
  refs: 63,
  idx: 255,
  seq: 255,
} as const;

const frameId = int(-1, CAPACITY.frames - 1);
const pageSize = enumOf<PageSize>({ '4K': true, '2M': true, '1G': true });
const owner = enumOf<FrameOwner>({
  'qemu-ring': true,
  free: true,
  'reused-by-other': true,
  'ksm-shared': true,
  'swap-cache': true,
  isolated: true,
  orphan: true,
  'migrated-old': true,
  'fork-child': true,
});
const tlbKind = enumOf<TlbKind>({ user: true, vmalloc: true, direct: true });
const threadId = int(-1, CAPACITY.threads - 1);

const pte = record<Pte>({
  frame: frameId,
  size: pageSize,
  present: bool,
  writable: bool,
  dirty: bool,
  swapped: enumOf<Pte['swapped']>({ none: true, swap: true, migration: true }),
});

const frame = record<Frame>({
  size: pageSize,
  refcount: int(-32, 95),
  mapcount: int(-8, 23),
  dirty: bool,
  locked: bool,
  owner,
  usedIdx: int(0, CAPACITY.idx),
  corrupted: bool,
});

const vmallocPte = record<VmallocPte>({
  slot: int(0, CAPACITY.slots),
  page: int(0, CAPACITY.ringPages - 1),
  frame: frameId,
});

/** `key` is a ring page (user), slot*64+page (vmalloc) or 0 (direct). */
const tlbEntry = record<TlbEntry>({
  kind: tlbKind,
  key: int(0, CAPACITY.slots * 64 + 63),
  frame: frameId,
  size: pageSize,
});

const vhost = record<VhostState>({
  region: int(0, 1),
  ptr: list(CAPACITY.ringPages, frameId),
  vmapSlot: int(-1, CAPACITY.slots),
  vmapSlot1: int(-1, CAPACITY.slots),
  nextSlot: int(0, CAPACITY.slots + 1),
  seq: int(0, CAPACITY.seq),
  count: int(-8, 8),
  itreeSeq: int(0, CAPACITY.seq),
  itreeActive: int(-8, 8),
  mmuLock: threadId,
  vqMutex: threadId,
  vqMutex1: threadId,
  registered: bool,
});

const locals = record<ThreadLocals>({
  round: int(0, 4),
  seqSnap: int(0, CAPACITY.seq),
  pages: list(CAPACITY.ptes, frameId),
  refs: list(CAPACITY.refs, frameId),
  inRcu: bool,
  eagain: bool,
  newFrame: frameId,
  mapSlot: int(-1, CAPACITY.slots),
  aborted: bool,
  unpublished: bool,
});

const thread = record<ThreadState>({ pc: int(0, CAPACITY.pc), done: bool, locals });

/** The one declaration of what a Ringside state holds; clone, encode, decode and bit widths derive from it. */
export const STATE_SCHEMA = record<State>({
  scenario: model,
  time: history((depth) => depth),
  ptes: list(CAPACITY.ptes, pte),
  frames: list(CAPACITY.frames, frame),
  vmalloc: list(CAPACITY.ptes * 2, vmallocPte),
  tlbs: list(2, list(CAPACITY.tlbEntries, tlbEntry)),
  vhost,
  threads: list(CAPACITY.threads, thread),
  swap: list(CAPACITY.ringPages, int(-1, CAPACITY.idx)),
  published: int(0, CAPACITY.idx),
  counters: history(
    (_, previous) => {
      if (!previous) return zeroCounters();
      clearCounters(previous);
      return previous;
    },
    (c) => ({ ...c }),
  ),
  findings: history((_, previous): Finding[] => (previous?.length === 0 ? previous : [])),
});
