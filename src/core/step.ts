import { addCounters, type OpCtx, report, type StepReporting, say, zeroCounters } from './context';
import { diffState } from './diff';
import { isDone, type Model, modelOf } from './model';
import { OPS } from './ops';
import { cloneState } from './schema/state-codec';
import type { Instr, Program, Scenario, State, StepEvent, ThreadStatus } from './types';
import { init } from './world';

// Kept importable from here: the model of a run lives in a leaf module the page can load without the ops.
export { isDone, type Model, modelOf, threadNames } from './model';

export type StepResult = { ok: true; state: State; event: StepEvent } | { ok: false; error: string };

export function threadStatus(s: State, t: number): ThreadStatus {
  const { programs, names } = modelOf(s.scenario);
  const th = s.threads[t];
  const instr = programs[t]?.instrs[th?.pc ?? -1];
  if (!th || th.done || !instr) return { state: 'done' };
  const reason = OPS[instr.op].blocked?.(s, t, instr, names) ?? null;
  return reason ? { state: 'blocked', reason } : { state: 'ready' };
}

/** The threads that can step now, as a bit mask (bit t for thread t): computed once per state. */
export function readyMask(model: Model, s: State): number {
  let mask = 0;
  const { programs, names } = model;
  for (let t = 0; t < s.threads.length; t++) {
    const th = s.threads[t];
    const instr = th && !th.done ? programs[t]?.instrs[th.pc] : undefined;
    if (!instr) continue;
    const blocked = OPS[instr.op].blocked;
    if (!blocked || blocked(s, t, instr, names) === null) mask |= 1 << t;
  }
  return mask;
}

export function enabledThreads(s: State): number[] {
  const mask = readyMask(modelOf(s.scenario), s);
  const ready: number[] = [];
  for (let t = 0; t < s.threads.length; t++) if (mask & (1 << t)) ready.push(t);
  return ready;
}

/** A run every thread of which finished with an invalidation count left behind. */
function countLeftBehind(ctx: OpCtx): void {
  if (isDone(ctx.s) && ctx.s.vhost.count !== 0) reportCountLeftBehind(ctx, ctx.s.vhost.count);
}

/** The finding of a finished run with invalidation count `count` (not 0): shared with the packed machine's words. */
export function reportCountLeftBehind(ctx: StepReporting, count: number): void {
  report(
    ctx,
    'invalidation-never-ends',
    [],
    `Every thread finished with the invalidation count at ${count}: vhost will never use the fast path again (or, below zero, may publish during an invalidation).`,
    'Count every invalidation in start and end alike, independent of the ring’s current address.',
  );
}

/** Reports a deadlock when no thread can move although some have not finished; `mask` is the state's ready mask. */
export function reportDeadlock(ctx: OpCtx, mask: number): void {
  const { s } = ctx;
  if (mask !== 0 || isDone(s)) return;
  const stuck = s.threads.map((_, t) => t).filter((t) => threadStatus(s, t).state === 'blocked');
  const why = stuck.map((t) => {
    const st = threadStatus(s, t);
    return `${ctx.names[t]} ${st.state === 'blocked' ? st.reason : ''}`;
  });
  report(
    ctx,
    'deadlock',
    [],
    `Deadlock: no thread can move. ${why.join('; ')}.`,
    'Never take, inside a notifier, a lock that the notifier’s callers or the vhost worker may hold while waiting for it.',
    stuck,
  );
}

/** A notifier call site while vhost's notifier is unregistered: the mm core calls nothing, so its callbacks are skipped. */
function skipCallbacks(ctx: OpCtx, instrs: readonly Instr[]): void {
  const th = ctx.s.threads[ctx.t];
  if (!th || (instrs[th.pc]?.depth ?? 0) === 0) return;
  while ((instrs[th.pc]?.depth ?? 0) > 0) th.pc += 1;
  say(ctx, 'vhost’s notifier is not registered: no callback is called.');
}

/**
 * The one transition both the stepper and the explorer run: thread `ctx.t`'s next instruction, on `ctx.s` in place.
 * The caller has checked that the thread is ready; a deadlock is the caller's to report (it needs the next mask).
 */
export function stepInPlace(ctx: OpCtx, program: Program): void {
  const { s } = ctx;
  const th = s.threads[ctx.t];
  const instr = th ? program.instrs[th.pc] : undefined;
  if (!th || !instr) throw new Error(`${program.name} has no instruction to run`);
  ctx.instr = instr;
  ctx.step = s.time;
  th.pc += 1;
  OPS[instr.op].run(ctx);
  if (instr.depth === 0 && !s.vhost.registered) skipCallbacks(ctx, program.instrs);
  if (th.pc >= program.instrs.length) th.done = true;
  s.time += 1;
  countLeftBehind(ctx);
}

/** Takes one atomic step of thread `t`. Pure: the input state is never mutated. */
export function step(state: State, t: number): StepResult {
  return advance(state, t, true);
}

/** The stepper's step without the event's diff (`changed` is empty). */
export function stepState(state: State, t: number): StepResult {
  return advance(state, t, false);
}

function advance(state: State, t: number, withDiff: boolean): StepResult {
  const model = modelOf(state.scenario);
  const program = model.programs[t];
  if (!program) return { ok: false, error: `There is no thread ${t + 1} in this scenario.` };
  const status = threadStatus(state, t);
  if (status.state !== 'ready') {
    return {
      ok: false,
      error: `${program.name} cannot run: ${status.state === 'done' ? 'it has finished' : status.reason}.`,
    };
  }
  const s = cloneState(state);
  const pc = s.threads[t]?.pc ?? 0;
  const ctx: OpCtx = {
    s,
    t,
    instr: program.instrs[pc] as Instr,
    step: state.time,
    names: model.names,
    cost: zeroCounters(),
    findings: [],
    detail: [],
    narrate: true,
  };
  stepInPlace(ctx, program);
  reportDeadlock(ctx, readyMask(model, s));
  addCounters(s.counters, ctx.cost);
  if (ctx.findings.length > 0) s.findings = [...s.findings, ...ctx.findings];
  const event: StepEvent = {
    step: state.time,
    thread: t,
    pc,
    instr: ctx.instr,
    detail: ctx.detail.join(' '),
    findings: ctx.findings,
    cost: ctx.cost,
    changed: withDiff ? diffState(state, s) : [],
  };
  return { ok: true, state: s, event };
}

export interface Replay {
  states: State[];
  events: StepEvent[];
  error?: string;
  /** Index in the schedule of the first choice that could not be taken. */
  errorAt?: number;
}

/** Replays a schedule from the initial state; stops at the first invalid choice and says why. */
export function replay(scenario: Scenario, schedule: readonly number[]): Replay {
  const states: State[] = [init(scenario)];
  const events: StepEvent[] = [];
  for (let i = 0; i < schedule.length; i++) {
    const current = states[states.length - 1] as State;
    const result = step(current, schedule[i] ?? -1);
    if (!result.ok) return { states, events, error: `Step ${i + 1}: ${result.error}`, errorAt: i };
    states.push(result.state);
    events.push(result.event);
  }
  return { states, events };
}
