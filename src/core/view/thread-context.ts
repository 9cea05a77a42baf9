import { mmuLockIsMutex } from '../catalog';
import { modelOf } from '../model';
import type { State } from '../types';
import { holdsPtLock } from './locks';

/** May the thread's next step sleep? The same conditions `mightSleep` (ops/shared.ts) checks when it does. */
export type ContextKind = 'may-sleep' | 'atomic' | 'no-block';

export interface ThreadContext {
  kind: ContextKind;
  /** Why, in a few words: "PT lock held", "IRQs off in gup_fast", "OOM reaper". */
  why: string;
}

const GUP_OPS: ReadonlySet<string> = new Set(['gup', 'gup-locked']);

/** The context thread `t`'s next step runs in, or null once the thread has finished. */
export function contextOf(s: State, t: number): ThreadContext | null {
  const th = s.threads[t];
  const program = modelOf(s.scenario).programs[t];
  const next = program?.instrs[th?.pc ?? -1];
  if (!th || th.done || !next) return null;
  const atomic: string[] = [];
  if (s.vhost.mmuLock === t && !mmuLockIsMutex(s.scenario.design)) atomic.push('spinlock held');
  if (th.locals.inRcu) atomic.push('RCU read side');
  if (holdsPtLock(s, t)) atomic.push('PT lock held');
  if (GUP_OPS.has(next.op)) atomic.push('IRQs off in gup_fast');
  if (atomic.length > 0) return { kind: 'atomic', why: atomic.join(', ') };
  if (program?.kind === 'oom-reap' || next.ctx?.blockable === false)
    return { kind: 'no-block', why: program?.kind === 'oom-reap' ? 'OOM reaper' : 'non-blockable range' };
  return { kind: 'may-sleep', why: 'process context' };
}
