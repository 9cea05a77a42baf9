/**
 * What each op may read and write, as data, for the explorer's partial-order reduction (docs/partial-order.md).
 * A footprint covers the op's `run` and its `blocked` check, over every design and switch; a thread's own pc and
 * locals are private and not listed. `threads` means the op reads another thread's pc or locals. History (time,
 * counters, findings) and the scenario are not state parts, and a read that only feeds a counter is not listed (the
 * explorer skips it: `countingHistory`). `footprints.test.ts` records what each op really touches
 * on explored states and checks it against this table.
 */
import type { DesignId } from '../types';
import type { OpName } from './op-names';

export type StatePart =
  | 'ptes'
  | 'frames'
  | 'vmalloc'
  | 'tlb0'
  | 'tlb1'
  | 'swap'
  | 'published'
  | 'region'
  | 'ptr'
  | 'vmapSlot'
  | 'nextSlot'
  | 'seq'
  | 'count'
  | 'itree'
  | 'mmuLock'
  | 'vqMutex'
  | 'registered'
  | 'threads';

export const STATE_PARTS: readonly StatePart[] = [
  'ptes',
  'frames',
  'vmalloc',
  'tlb0',
  'tlb1',
  'swap',
  'published',
  'region',
  'ptr',
  'vmapSlot',
  'nextSlot',
  'seq',
  'count',
  'itree',
  'mmuLock',
  'vqMutex',
  'registered',
  'threads',
];

export interface OpFootprint {
  reads: readonly StatePart[];
  writes: readonly StatePart[];
}

const fp = (reads: StatePart[], writes: StatePart[] = []): OpFootprint => ({ reads: [...reads, ...writes], writes });

/** copy_*_user through QEMU's mapping (with its fault and COW paths), as `userAccess` and its blocked check do it. */
const USER: StatePart[] = ['ptes', 'frames', 'tlb0', 'swap', 'published'];
const FLUSH: StatePart[] = ['tlb0', 'tlb1'];

/** Keyed by the ops' closed vocabulary: an op without a footprint does not compile. */
export const FOOTPRINTS: Readonly<Record<OpName, OpFootprint>> = {
  // vhost-ops.ts
  'round-begin': fp([], ['vqMutex']),
  'round-end': fp(['published'], ['vqMutex']),
  gup: fp(['ptes', 'region', 'swap'], ['frames', 'ptes', 'swap']),
  'gup-locked': fp(['ptes', 'region'], ['frames', 'mmuLock']),
  unpin: fp([], ['frames']),
  'put-pages': fp([], ['frames']),
  vmap: fp(['mmuLock'], ['vmalloc', 'vmapSlot', 'nextSlot']),
  vunmap: fp(['mmuLock'], ['vmalloc', 'vmapSlot']),
  'if-vmapped': fp(['vmapSlot']),
  'if-mapped': fp(['ptr']),
  uaccess: fp(['region'], USER),
  vload: fp(['vmapSlot']),
  vaccess: fp(['region', 'vmalloc'], USER),
  'dirty-lock': fp(['vmalloc', 'vmapSlot', 'mmuLock'], ['frames']),
  // fastpath-ops.ts
  'read-seq': fp(['seq']),
  'read-begin': fp(['seq', 'itree']),
  'check-publish': fp(['mmuLock', 'seq', 'count'], ['ptr', 'mmuLock']),
  kaccess: fp(['mmuLock', 'ptr', 'region'], [...USER, 'mmuLock']),
  'rcu-prefetch': fp(['count'], ['mmuLock']),
  'rcu-publish': fp([], ['ptr', 'mmuLock']),
  'rcu-deref': fp(['region', 'ptr']),
  'rcu-access': fp(['region'], USER),
  // notifier-ops.ts
  'mm-start': fp(['region'], ['itree']),
  'mm-end': fp([], ['itree']),
  'eagain-if-nonblock': fp([], ['itree']),
  'kseq-start': fp(['region', 'mmuLock'], ['count', 'frames', 'ptr']),
  'kseq-start-hold': fp(['region'], ['count', 'mmuLock']),
  'interval-invalidate': fp(['region', 'itree', 'mmuLock'], ['seq', 'frames', 'ptr']),
  'interval-invalidate-hold': fp(['region', 'itree'], ['seq', 'mmuLock']),
  'imutex-invalidate': fp(['region', 'mmuLock'], ['seq', 'frames', 'ptr', 'itree']),
  'imutex-invalidate-hold': fp(['region', 'mmuLock'], ['seq', 'mmuLock', 'itree']),
  'worker-unlock': fp(['region'], ['mmuLock']),
  'rcu-start': fp(['region', 'mmuLock'], ['count', 'frames', 'ptr']),
  'rcu-start-hold': fp(['region', 'ptr'], ['count', 'mmuLock']),
  'dirty-lock-notifier': fp(['region', 'ptr', 'mmuLock'], ['frames']),
  'clear-unlock': fp(['region'], ['ptr', 'mmuLock']),
  'sync-rcu': fp(['mmuLock', 'threads']),
  'rcu-end': fp(['region', 'mmuLock'], ['count']),
  'kseq-end': fp(['region', 'mmuLock'], ['seq', 'count']),
  'inv-mutex-lock': fp(['mmuLock'], ['vqMutex']),
  'inv-vunmap': fp(['region', 'mmuLock'], ['vmalloc', 'vmapSlot']),
  'inv-mutex-unlock': fp([], ['vqMutex']),
  // mm-ops.ts
  'lock-page': fp(['ptes'], ['frames']),
  zap: fp([], ['ptes', 'frames']),
  'tlb-flush': fp(['ptes'], FLUSH),
  'free-batch': fp([], ['frames']),
  reuse: fp([], ['frames']),
  'oom-check': fp([]),
  'unmap-swap': fp(['swap'], ['ptes', 'frames', ...FLUSH]),
  pageout: fp(['ptes'], ['frames', 'swap']),
  'remove-mapping': fp(['ptes', 'swap'], ['frames']),
  'unlock-page': fp([], ['frames']),
  'unmap-migration': fp([], ['ptes', 'frames', ...FLUSH]),
  'move-mapping': fp(['threads'], ['ptes', 'frames']),
  remap: fp([], ['ptes', 'frames']),
  'unlock-free': fp([], ['frames']),
  // ksm-thp-ops.ts
  'ksm-trylock': fp(['ptes'], ['frames']),
  'ksm-wrprotect': fp([], ['ptes', 'frames', ...FLUSH]),
  'ksm-if-merge': fp(['frames']),
  'ksm-replace': fp([], ['ptes', 'frames', ...FLUSH]),
  'split-pmd': fp([], ['ptes', ...FLUSH]),
  // ioctl-ops.ts
  'ioctl-lock': fp([], ['vqMutex']),
  'set-addr': fp(['ptes', 'itree'], ['ptr', 'frames', 'vmalloc', 'vmapSlot', 'region', 'itree', 'seq']),
  'ioctl-unlock': fp([], ['vqMutex']),
  'notifier-unregister': fp(['threads', 'registered'], ['registered']),
  'notifier-register': fp(['threads', 'count'], ['registered']),
  // writeback-ops.ts
  'wb-if-dirty': fp(['frames']),
  mkclean: fp([], ['ptes', 'frames', ...FLUSH]),
  writepage: fp(['ptes'], ['frames', 'swap']),
  // fork-ops.ts, exit-ops.ts
  'fork-copy': fp([], ['ptes', 'frames']),
  'cow-fault': fp(['frames'], ['ptes']),
  'cow-copy': fp([], ['frames']),
  'cow-clear': fp([], ['ptes', 'frames', ...FLUSH]),
  'cow-set': fp([], ['ptes', 'frames']),
  'exit-mm': fp([]),
  'exit-stop-worker': fp(['threads']),
  'exit-teardown': fp(
    ['registered', 'ptr', 'vmapSlot'],
    ['frames', 'ptr', 'vmalloc', 'vmapSlot', 'registered', 'count'],
  ),
  'exit-release': fp(['registered']),
};

/**
 * Narrower footprints for the designs that never take part of the path `FOOTPRINTS` covers. The worker holds
 * vq->mmu_lock across its access only where that lock is a mutex (`holdMutex`, interval-mutex): elsewhere
 * `check-publish` and `kaccess` read the lock (their blocked check) but never write it.
 */
const WORKER_KEEPS_NO_LOCK: Partial<Record<OpName, OpFootprint>> = {
  'check-publish': fp(['mmuLock', 'seq', 'count'], ['ptr']),
  kaccess: fp(['mmuLock', 'ptr', 'region'], USER),
};
/** Migration looks for vhost's long-term pin (`pinnedByVhost`, another thread's locals) only in vmap-pinned. */
const NO_LONG_TERM_PIN: Partial<Record<OpName, OpFootprint>> = { 'move-mapping': fp([], ['ptes', 'frames']) };
/** The mm's interval tree (`itreeSeq`, `itreeActive`) exists only in the interval designs (`isIntervalDesign`). */
const NO_INTERVAL_TREE: Partial<Record<OpName, OpFootprint>> = {
  'mm-start': fp([]),
  'mm-end': fp([]),
  'eagain-if-nonblock': fp([]),
};
export const DESIGN_FOOTPRINTS: Readonly<Partial<Record<DesignId, Partial<Record<OpName, OpFootprint>>>>> = {
  'copy-user': { ...NO_LONG_TERM_PIN, ...NO_INTERVAL_TREE },
  'vmap-pinned': NO_INTERVAL_TREE,
  'vmap-notifier': { ...NO_LONG_TERM_PIN, ...NO_INTERVAL_TREE },
  'kmap-seq': { ...WORKER_KEEPS_NO_LOCK, ...NO_LONG_TERM_PIN, ...NO_INTERVAL_TREE },
  'direct-map-rcu': { ...NO_LONG_TERM_PIN, ...NO_INTERVAL_TREE },
  'interval-notifier': { ...WORKER_KEEPS_NO_LOCK, ...NO_LONG_TERM_PIN },
  'interval-mutex': NO_LONG_TERM_PIN,
};

/** What `op` may touch in a scenario of `design`: the design's narrower footprint, else the one over every design. */
export function footprintOf(op: OpName, design?: DesignId): OpFootprint {
  return (design && DESIGN_FOOTPRINTS[design]?.[op]) ?? FOOTPRINTS[op] ?? EVERYTHING;
}

/**
 * Ops whose user access checks wp_page_copy's PT-lock window (`cowLockHolder`), which reads a fork thread's pc: in a
 * scenario with a fork thread they also read `threads`.
 */
export const COW_WINDOW_READERS: ReadonlySet<string> = new Set<OpName>(['uaccess', 'vaccess', 'kaccess', 'rcu-access']);

/** Every part: the footprint assumed for an op the table does not list (dependent on everything). */
export const EVERYTHING: OpFootprint = { reads: STATE_PARTS, writes: STATE_PARTS };
