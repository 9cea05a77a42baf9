export {
  BACKINGS,
  BUG_DESIGNS,
  BUGS,
  DESIGN_TITLES,
  DESIGNS,
  isIntervalDesign,
  LIMITS,
  MEMORY_KINDS,
  MM_KINDS,
  memoryOf,
  mmuLockIsMutex,
} from './catalog';
export { isHazard } from './context';
export { EXCERPT_MAX, excerpt, isUnsafeChar } from './excerpt';
export { guestUsedIdx, type UsedIdxView, usedIdxView } from './guest';
export { layoutOf, ringLayout } from './layout';
export { programsOf } from './programs/compile';
export {
  enabledThreads,
  isDone,
  type Replay,
  replay,
  type StepResult,
  step,
  stepState,
  threadNames,
  threadStatus,
} from './step';
export { type ThreadPoint, threadPoint, threadPoints } from './thread-points';
export { isStaleTlb } from './tlb';
export type * from './types';
export { type Validation, validateScenario } from './validate';
export { type LockView, locksOf, locksWith, type StatusOf } from './view/locks';
export {
  type CounterView,
  type InvalidationView,
  invalidationsOf,
  type NotifierView,
  notifierOf,
} from './view/notifier-state';
export { type ContextKind, contextOf, type ThreadContext } from './view/thread-context';
export { init } from './world';

import type { Finding, State } from './types';

export function hazardsOf(s: State): Finding[] {
  return s.findings;
}
