/** Programs: instructions, call contexts, what one step did. */
import type { OpName } from '../ops/op-names';
import type { Finding } from './findings';
import type { BugSwitch, MmEventKind } from './scenario';
import type { Counters } from './state';

/** Where a step's call was made from: decides whether sleeping is allowed. */
export interface CallCtx {
  blockable: boolean;
  /** The caller holds the page-table spinlock (rmap paths). */
  ptLock: boolean;
  /** The caller holds the page lock of the target page (KSM, reclaim, migration). */
  pageLocked: boolean;
}

/** One instruction of a thread's program: one atomic step when it runs. */
export interface Instr {
  op: OpName;
  /** The kernel function this step stands for. */
  fn: string;
  /** Short kernel-style pseudo-code shown in the thread pane. */
  code: string;
  /** One sentence: what the step does and why it matters. */
  explain: string;
  /** Nesting depth for display (a notifier callback runs inside the mm function that calls it). */
  depth: number;
  /** Numeric argument: a ring area index (0 desc, 1 avail, 2 used), or -1. */
  arg: number;
  /** Jump target (instruction index) resolved at compile time, or -1. */
  target: number;
  /** Present on notifier-callback steps. */
  ctx?: CallCtx;
  /** Point of the review thread this step illustrates (key into src/core/thread-points.ts). */
  point?: string;
  /** The bug switches that changed this step, if any. */
  bugs?: BugSwitch[];
}

export type ThreadKind = 'vhost' | MmEventKind;

export interface Program {
  kind: ThreadKind;
  name: string;
  cpu: number;
  instrs: Instr[];
}

/** What one step did, for narration, highlighting and the timeline. */
export interface StepEvent {
  step: number;
  thread: number;
  pc: number;
  instr: Instr;
  /** Sentence describing what actually happened (branch taken, value read, frame freed, ...). */
  detail: string;
  findings: Finding[];
  cost: Counters;
  /** Dotted paths of what changed, e.g. `frames.2`, `ptes.0`, `vhost.ptr`, `tlbs.0`. */
  changed: string[];
}

export type ThreadStatus = { state: 'ready' } | { state: 'blocked'; reason: string } | { state: 'done' };
