import type { Instr, Scenario } from '../types';

/** What an `enabled` expression may use: the thread, its instruction, the scenario (for unrolling over pages). */
export interface GuardCtx {
  t: number;
  instr: Instr;
  scenario: Scenario;
  /** Ring pages per region. */
  np: number;
  /** Capacity of one CPU's TLB list. */
  tlbCap: number;
}

/**
 * One op in Promela. `body` is the text of `inline op_<name>(T, ARG, TARGET, FLAGS)`: T the thread, ARG and TARGET
 * the instruction's operands, FLAGS its bug switches and call context (`BUG_*`, `CTX_*` bits). `enabled` is the
 * op's `blocked` check negated, as an expression written out for one instruction (Promela guards cannot loop).
 */
export interface PromelaOp {
  body: string;
  enabled?: (g: GuardCtx) => string;
}

/** An op not yet written in Promela: the export of a scenario that runs it stops with this reason. */
export interface Untranslated {
  untranslated: string;
}

export type OpTranslation = PromelaOp | Untranslated;

export const isTranslated = (op: OpTranslation): op is PromelaOp => 'body' in op;

/** `vq->mmu_lock` (or vq->mutex) is free or held by T itself: `heldByOther` negated. */
export const notHeldByOther = (lock: string) => (g: GuardCtx) => `(vhost.${lock} < 0 || vhost.${lock} == ${g.t})`;
