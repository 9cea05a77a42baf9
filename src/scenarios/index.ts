import { type Scenario, validateScenario } from '../core';
import copyUserBaseline from './builtin/copy-user-baseline.json';
import countStuckStarves from './builtin/count-stuck-starves.json';
import exitNoRelease from './builtin/exit-no-release.json';
import gupMunmapSeqRetry from './builtin/gup-munmap-seq-retry.json';
import gupMunmapUaf from './builtin/gup-munmap-uaf.json';
import intervalMutexOomSkip from './builtin/interval-mutex-oom-skip.json';
import intervalNotifierSafe from './builtin/interval-notifier-safe.json';
import kmapSeqLarge from './builtin/kmap-seq-large.json';
import ksmDirtyLock from './builtin/ksm-dirty-lock.json';
import mergedMmdropExit from './builtin/merged-mmdrop-exit.json';
import mergedRcuRevert from './builtin/merged-rcu-revert.json';
import mergedSecondVq from './builtin/merged-second-vq.json';
import oomReaperEagain from './builtin/oom-reaper-eagain.json';
import rfcV2CowPtl from './builtin/rfc-v2-cow-ptl.json';
import rfcV2KsmAbba from './builtin/rfc-v2-ksm-abba.json';
import rfcV2RmapMutex from './builtin/rfc-v2-rmap-mutex.json';
import rfcV2Writeback from './builtin/rfc-v2-writeback.json';
import rmbReorder from './builtin/rmb-reorder.json';
import swapoutLostWrite from './builtin/swapout-lost-write.json';
import thpSplitSpurious from './builtin/thp-split-spurious.json';
import tlbReachKmapOneg from './builtin/tlb-reach-kmap-1g.json';
import tlbReachVmapThp from './builtin/tlb-reach-vmap-thp.json';
import vOneForkCow from './builtin/v1-fork-cow.json';
import vOnePinBlocksMigration from './builtin/v1-pin-blocks-migration.json';
import vmapLazyTlb from './builtin/vmap-lazy-tlb.json';

/** Built-in scenarios in teaching order: the thread’s story from the first bug to the protocol that survives. */
const RAW: readonly unknown[] = [
  gupMunmapUaf,
  gupMunmapSeqRetry,
  swapoutLostWrite,
  rmbReorder,
  tlbReachVmapThp,
  tlbReachKmapOneg,
  ksmDirtyLock,
  rfcV2RmapMutex,
  rfcV2KsmAbba,
  rfcV2Writeback,
  rfcV2CowPtl,
  vmapLazyTlb,
  vOnePinBlocksMigration,
  vOneForkCow,
  mergedRcuRevert,
  countStuckStarves,
  mergedSecondVq,
  exitNoRelease,
  mergedMmdropExit,
  oomReaperEagain,
  thpSplitSpurious,
  intervalNotifierSafe,
  intervalMutexOomSkip,
  copyUserBaseline,
];

function load(raw: unknown): Scenario {
  const result = validateScenario(raw);
  if (!result.ok) throw new Error(`built-in scenario is invalid: ${result.errors.join(' ')}`);
  return result.scenario;
}

/**
 * Built-ins past the browser's state bound (docs/spin.md): the explorer stops at its bound on them, incomplete, and
 * Spin on their Promela export gives the verdict. The catalogue marks them; tests that explore every built-in to
 * completion take `completeBuiltins` and check these stop at the bound.
 */
const LARGE: readonly unknown[] = [kmapSeqLarge];

export const builtinScenarios: readonly Scenario[] = [...RAW, ...LARGE].map(load);

const largeIds: ReadonlySet<string> = new Set(builtinScenarios.slice(RAW.length).map((s) => s.id));

/** Whether a scenario is one of the large built-ins, which no browser tab explores to the end. */
export function isLargeScenario(scenario: Pick<Scenario, 'id'>): boolean {
  return largeIds.has(scenario.id);
}

/** The built-ins the explorer completes within its bound: every built-in but the large ones. */
export const completeBuiltins: readonly Scenario[] = builtinScenarios.filter((s) => !isLargeScenario(s));

export const defaultScenarioId = 'gup-munmap-uaf';

export function scenarioById(id: string): Scenario | undefined {
  return builtinScenarios.find((s) => s.id === id);
}
