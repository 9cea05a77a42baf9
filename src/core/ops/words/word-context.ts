import { mmuLockIsMutex } from '../../catalog';
import { countingHistory } from '../../context';
import { programsOf } from '../../programs/compile';
import { W } from '../../schema/state-words';
import type { Scenario } from '../../types';
import { reportMightSleep } from '../shared';
import type { WordCtx } from './word-op';

/** Small helpers of the design-side ops on words; each mirrors the object helper of `shared.ts` named in its comment. */

/** might_sleep() on words (`mightSleep`): the same findings, from the same reads. */
export function mightSleepOnWords(ctx: WordCtx, call: string): void {
  const { w, t } = ctx;
  const spinHeld = W.vhost.mmuLock.get(w) === t && !mmuLockIsMutex(ctx.scenario.design);
  reportMightSleep(ctx, call, spinHeld, W.threads.locals.inRcu.get(w, t));
}

/** The thread's next instruction is `target` (`jump`). */
export function jumpTo(ctx: WordCtx, target: number): void {
  W.threads.pc.set(ctx.w, ctx.t, target);
}

/** The thread holding one vq's mutex, or -1 (`vqMutexOf`). */
export const vqMutexAt = (w: Int32Array, vq: number): number =>
  vq === 1 ? W.vhost.vqMutex1.get(w) : W.vhost.vqMutex.get(w);

export function setVqMutexAt(w: Int32Array, vq: number, t: number): void {
  if (vq === 1) W.vhost.vqMutex1.set(w, t);
  else W.vhost.vqMutex.set(w, t);
}

/** vq->map's vmalloc slot of one vq (`vmapSlotOf`). */
export const vmapSlotAt = (w: Int32Array, vq: number): number =>
  vq === 1 ? W.vhost.vmapSlot1.get(w) : W.vhost.vmapSlot.get(w);

export function setVmapSlotAt(w: Int32Array, vq: number, slot: number): void {
  if (vq === 1) W.vhost.vmapSlot1.set(w, slot);
  else W.vhost.vmapSlot.set(w, slot);
}

/** The worker sleeps in mmu_interval_read_begin: its subscription's sequence is the odd one being invalidated. */
export function readBeginAsleep(w: Int32Array, scenario: Scenario): boolean {
  const instr = programsOf(scenario)[0]?.instrs[W.threads.pc.get(w, 0)];
  return !W.threads.done.get(w, 0) && instr?.op === 'read-begin' && W.vhost.seq.get(w) === W.vhost.itreeSeq.get(w);
}

/** mn_itree_inv_end: one invalidation fewer is active; the last one makes the sequence even and wakes read_begin. */
export function itreeInvEnd(ctx: WordCtx): boolean {
  const { w } = ctx;
  const active = W.vhost.itreeActive.get(w) - 1;
  W.vhost.itreeActive.set(w, active);
  const seq = W.vhost.itreeSeq.get(w);
  if (active !== 0 || seq % 2 !== 1) return false;
  if (countingHistory(ctx) && readBeginAsleep(w, ctx.scenario)) ctx.cost.sleeps += 1;
  W.vhost.itreeSeq.set(w, seq + 1);
  return true;
}
