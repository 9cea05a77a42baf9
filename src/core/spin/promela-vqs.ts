import { layoutOf } from '../layout';
import type { OpName } from '../ops';
import { vq0Regions, vqsOf } from '../pagetable';
import type { Scenario } from '../types';

/**
 * The second virtqueue (pagetable.ts): vq 1's ring is one region after vq 0's and never moves, its `vhost.ptr` slots
 * follow vq 0's, and the worker serves the vqs in turn. With one vq every macro falls back to vq 0's ring.
 */
export function vqDefines(scenario: Scenario): string[] {
  const np = layoutOf(scenario.ringSize).pages;
  const vq0 = (1 << np) - 1;
  const vq1 = vqsOf(scenario) === 2 ? vq0 << (vq0Regions(scenario) * np) : 0;
  return [
    `#define VQS ${vqsOf(scenario)}`,
    `#define VQ1_BASE (${vq0Regions(scenario)} * NP)`,
    /** `servedVq`: the vq the worker serves in its current round. */
    '#define SERVED_VQ (VQS == 2 -> threads[0].locals.round % 2 : 0)',
    /** `vqRegion(s, servedVq(s))`: the region the served vq's ring is in now. */
    `#define SERVED_REGION (SERVED_VQ == 0 -> vhost.region : ${vq0Regions(scenario)})`,
    /** `ptrSlot(s, gp)`: the `vhost.ptr` (and swap) slot of ring page GP. */
    '#define SLOT_OF(GP) ((VQS == 2 && (GP) >= VQ1_BASE) -> NP + (GP) % NP : (GP) % NP)',
    /** The ring page a slot stands for at vq 0's region 0 or at vq 1's ring. */
    '#define GP_OF_SLOT(S) ((S) < NP -> (S) : VQ1_BASE + (S) - NP)',
    '#define IN_TGT(T, GP) ((tgt_mask[T] >> (GP)) & 1)',
    /** `overlapPages(s, T)` holds slot S: vq 0's while its ring is in region 0, vq 1's always. */
    '#define IN_OVERLAP(T, S) (IN_TGT(T, GP_OF_SLOT(S)) && ((S) >= NP || vhost.region == 0))',
    '#define IS_USED_SLOT(S) ((S) % NP >= USED_FIRST && (S) % NP <= USED_LAST)',
    /** `overlapPages(s, T).length > 0`. */
    `#define OVERLAPS(T) ((vhost.region == 0 && (tgt_mask[T] & ${vq0}) != 0) || (tgt_mask[T] & ${vq1}) != 0)`,
  ];
}

/** Ops whose Promela text addresses the served vq's ring and every vq's slots (the rest assume one vq). */
const VQ_AWARE: ReadonlySet<OpName> = new Set<OpName>([
  'round-begin',
  'round-end',
  'gup',
  'gup-locked',
  'put-pages',
  'if-mapped',
  'uaccess',
  'read-seq',
  'check-publish',
  'kaccess',
  'worker-unlock',
  'rcu-prefetch',
  'rcu-publish',
  'rcu-deref',
  'rcu-access',
  'mm-start',
  'mm-end',
  'kseq-start',
  'kseq-start-hold',
  'kseq-end',
  'rcu-start',
  'rcu-start-hold',
  'rcu-end',
  'sync-rcu',
  'dirty-lock-notifier',
  'clear-unlock',
  'zap',
  'tlb-flush',
  'free-batch',
  'reuse',
  'read-begin',
  'interval-invalidate',
  'interval-invalidate-hold',
  'imutex-invalidate',
  'imutex-invalidate-hold',
  'eagain-if-nonblock',
  'ioctl-lock',
  'set-addr',
  'ioctl-unlock',
  'notifier-unregister',
  'notifier-register',
  'exit-mm',
  'exit-stop-worker',
  'exit-teardown',
  'exit-release',
]);

/** Ops of a two-vq scenario whose Promela text does not know the second vq yet. */
export function secondVqUntranslated(scenario: Scenario, ops: ReadonlySet<OpName>): string[] {
  if (vqsOf(scenario) === 1) return [];
  return [...ops].filter((op) => !VQ_AWARE.has(op)).map((op) => `${op} (with a second virtqueue)`);
}
