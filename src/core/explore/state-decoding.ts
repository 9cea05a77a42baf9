import { zeroCounters } from '../context';
import type {
  Frame,
  FrameOwner,
  PageSize,
  Pte,
  Scenario,
  State,
  ThreadState,
  TlbEntry,
  TlbKind,
  VmallocPte,
} from '../types';

/** The string enums by code: index = the code `encodeState` writes. */
const PAGE_SIZES: readonly PageSize[] = ['4K', '2M', '1G'];
const OWNERS: readonly FrameOwner[] = [
  'qemu-ring',
  'free',
  'reused-by-other',
  'ksm-shared',
  'swap-cache',
  'isolated',
  'orphan',
  'migrated-old',
  'fork-child',
];
const SWAPPED: readonly Pte['swapped'][] = ['none', 'swap', 'migration'];
const TLB_KINDS: readonly TlbKind[] = ['user', 'vmalloc', 'direct'];

// A module-level cursor instead of closures: decoding runs once per expanded state. Objects are built with the
// core's own property order (world.ts, frames.ts, tlb.ts) so they share its hidden classes.
let src: Int32Array = new Int32Array(0);
let at = 0;

function rd(): number {
  return src[at++] as number;
}

function ints(): number[] {
  const n = rd();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = rd();
  return out;
}

function pageSize(code: number): PageSize {
  return PAGE_SIZES[code] as PageSize;
}

function pte(): Pte {
  const frame = rd();
  const bits = rd();
  const swapped = SWAPPED[(bits >> 2) & 3] as Pte['swapped'];
  return {
    frame,
    size: pageSize(bits & 3),
    present: (bits & 16) !== 0,
    writable: (bits & 32) !== 0,
    dirty: (bits & 64) !== 0,
    swapped,
  };
}

function frame(): Frame {
  const refcount = rd();
  const mapcount = rd();
  const usedIdx = rd();
  const bits = rd();
  const size = pageSize(bits & 3);
  const dirty = (bits & 64) !== 0;
  const locked = (bits & 128) !== 0;
  const owner = OWNERS[(bits >> 2) & 15] as Frame['owner'];
  return { size, refcount, mapcount, dirty, locked, owner, usedIdx, corrupted: (bits & 256) !== 0 };
}

function tlbEntry(): TlbEntry {
  const bits = rd();
  const kind = TLB_KINDS[bits & 3] as TlbEntry['kind'];
  const key = rd();
  return { kind, key, frame: rd(), size: pageSize(bits >> 2) };
}

function thread(): ThreadState {
  const pc = rd();
  const bits = rd();
  const round = rd();
  const seqSnap = rd();
  const newFrame = rd();
  const mapSlot = rd();
  const pages = ints();
  const refs = ints();
  const locals = {
    round,
    seqSnap,
    pages,
    refs,
    inRcu: (bits & 2) !== 0,
    eagain: (bits & 4) !== 0,
    newFrame,
    mapSlot,
    aborted: (bits & 8) !== 0,
    unpublished: (bits & 16) !== 0,
  };
  return { pc, done: (bits & 1) !== 0, locals };
}

function many<T>(item: () => T): T[] {
  const n = rd();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = item();
  return out;
}

function tlb(): TlbEntry[] {
  return many(tlbEntry);
}

function vmallocPte(): VmallocPte {
  const slot = rd();
  const page = rd();
  return { slot, page, frame: rd() };
}

/**
 * Rebuilds the State that `encodeState` wrote into buf[start, end). The fields the encoding leaves out come back
 * as: the run's scenario, `time` = BFS depth (steps taken), zero counters and no findings.
 */
export function decodeState(scenario: Scenario, buf: Int32Array, start: number, end: number, depth: number): State {
  src = buf;
  at = start;
  const ptes = many(pte);
  const frames = many(frame);
  const vmalloc = many(vmallocPte);
  const tlbs = many(tlb);
  const region: 0 | 1 = rd() === 1 ? 1 : 0;
  const ptr = ints();
  const vmapSlot = rd();
  const nextSlot = rd();
  const seq = rd();
  const count = rd();
  const itreeSeq = rd();
  const itreeActive = rd();
  const mmuLock = rd();
  const vqMutex = rd();
  const registered = rd() === 1;
  const vhost = { region, ptr, vmapSlot, nextSlot, seq, count, itreeSeq, itreeActive, mmuLock, vqMutex, registered };
  const threads = many(thread);
  const swap = ints();
  const published = rd();
  if (at !== end) throw new RangeError(`state encoding has ${end - at} values left over`);
  return {
    scenario,
    time: depth,
    ptes,
    frames,
    vmalloc,
    tlbs,
    vhost,
    threads,
    swap,
    published,
    counters: zeroCounters(),
    findings: [],
  };
}
