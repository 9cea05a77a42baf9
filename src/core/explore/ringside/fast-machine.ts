import { clearCounters, type OpCtx, zeroCounters } from '../../context';
import { copyStateInto, decodeState, encodeState } from '../../schema/state-codec';
import { modelOf, readyMask, reportDeadlock, stepInPlace } from '../../step';
import type { Instr, Scenario, State } from '../../types';
import { init } from '../../world';
import type { Machine, MachineStep } from '../engine/machine';
import { ringsideAmpleSets } from '../reduction/ringside-por';

/** The ascending thread list of every mask, built once: `enabled` hands these out instead of allocating. */
function threadLists(threads: number): readonly (readonly number[])[] {
  return Array.from({ length: 1 << threads }, (_, mask) =>
    Array.from({ length: threads }, (_, t) => t).filter((t) => mask & (1 << t)),
  );
}

/**
 * The Ringside core as the explorer runs it: the same `stepInPlace` as the stepper, but on reused states with
 * narration off. A frontier state is decoded into `base`; each step copies it into a work state (reusing its
 * objects and lists) and runs there, so the search allocates no state. Two work states alternate, so a step's
 * input and its result are never one object (the liveness replay steps from the previous result): a result is
 * valid until the next step but one.
 * Deadlocks are reported by `stuck`, when the stuck state is expanded: the engine attributes them to the step that
 * reached it, as the stepper does.
 */
export function fastRingsideMachine(scenario: Scenario): Machine<State> {
  const model = modelOf(scenario);
  const lists = threadLists(model.programs.length);
  const base = init(scenario);
  const works = [init(scenario), init(scenario)] as const;
  // The ready mask of `masked`, valid until that object is written again (decoded into, or stepped into).
  let masked: State | null = null;
  let mask = 0;
  const maskOf = (state: State) => {
    if (state !== masked) {
      mask = readyMask(model, state);
      masked = state;
    }
    return mask;
  };
  const ctx: OpCtx = {
    s: base,
    t: 0,
    instr: model.programs[0]?.instrs[0] as Instr,
    step: 0,
    names: model.names,
    cost: zeroCounters(),
    findings: [],
    detail: [],
    narrate: false,
  };
  const result: MachineStep<State> = { ok: true, state: base, findings: ctx.findings };

  return {
    init: () => init(scenario),
    enabled: (state) => lists[maskOf(state)] ?? [],
    step(state, t) {
      const program = model.programs[t];
      if (!program || !(maskOf(state) & (1 << t))) return { ok: false, error: `thread ${t} cannot step here` };
      const work = state === works[0] ? works[1] : works[0];
      if (masked === work) masked = null;
      copyStateInto(state, work);
      ctx.s = work;
      ctx.t = t;
      ctx.findings.length = 0;
      clearCounters(ctx.cost);
      stepInPlace(ctx, program);
      result.state = work;
      return result;
    },
    encode: encodeState,
    decode(buf, start, end, depth) {
      if (masked === base) masked = null;
      return decodeState(scenario, buf, start, end, depth, base);
    },
    stuck(state) {
      const findings: OpCtx['findings'] = [];
      reportDeadlock({ ...ctx, s: state, t: 0, findings, step: Math.max(0, state.time - 1) }, maskOf(state));
      return findings;
    },
    ampleSets: ringsideAmpleSets(scenario),
  };
}
