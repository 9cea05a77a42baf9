import { type OpCtx, type StepReporting, zeroCounters } from '../../context';
import { newStateWords, packState, STATE_WORDS, unpackState } from '../../schema/state-words';
import type { Instr, Scenario, State } from '../../types';
import type { Op } from '../shared';

/** What an op on words may touch: the next state's words plus what the step reports (as `OpCtx`, without `s`). */
export interface WordCtx extends Omit<OpCtx, 's'> {
  w: Int32Array;
  scenario: Scenario;
}

/**
 * Every `WordCtx` is made here, fields in one order: op bodies then see contexts of one hidden class, whoever steps
 * (the packed machine, the stepper), and V8 does not deoptimise them on a context of another shape ("wrong map").
 */
export function wordCtx(r: StepReporting, w: Int32Array, scenario: Scenario): WordCtx {
  return {
    t: r.t,
    instr: r.instr,
    step: r.step,
    names: r.names,
    cost: r.cost,
    findings: r.findings,
    detail: r.detail,
    narrate: r.narrate,
    w,
    scenario,
  };
}

/** An op written once, against the generated accessors `W` (src/core/schema/state-words.ts). */
export interface WordOp {
  run(ctx: WordCtx): void;
  blocked?(w: Int32Array, t: number, instr: Instr, names: readonly string[], scenario: Scenario): string | null;
}

// The stepper's door to a word op: the object state is packed into these words, stepped, and unpacked again.
const scratch = newStateWords();

/**
 * The object-state `Op` of a word op: the same body, on the state's words, so the stepper (narration, diffs) and the
 * reference machine run exactly what the packed machine runs.
 */
export function onWords(op: WordOp): Op {
  const object: Op = {
    run(ctx) {
      packState(ctx.s, scratch);
      const s = ctx.s;
      const wctx = wordCtx(ctx, scratch, s.scenario);
      op.run(wctx);
      unpackState(scratch, s);
      ctx.instr = wctx.instr;
    },
  };
  const blocked = op.blocked;
  if (blocked) {
    object.blocked = (s, t, instr, names) => {
      packState(s, scratch);
      return blocked(scratch, t, instr, names, s.scenario);
    };
  }
  return object;
}

/** Thin object views made since the process started (the benchmark reports how often a word op needed one). */
export const objectViews = { count: 0 };

/** A thin object view of the words, one object reused (no caller keeps it): for the rare branches on objects. */
export function objectView(w: Int32Array, scenario: Scenario): State {
  objectViews.count += 1;
  if (!view) {
    const draft = { scenario, time: 0, counters: zeroCounters(), findings: [] };
    view = draft as unknown as State;
  }
  view.scenario = scenario;
  view.time = w[STATE_WORDS] ?? 0;
  unpackState(w, view);
  return view;
}
let view: State | null = null;
