import { addCounters, type OpCtx, report, zeroCounters } from './context';
import { diffState } from './diff';
import { OPS } from './ops';
import { programsOf } from './programs/compile';
import { cloneState } from './schema/state-codec';
import type { Instr, Scenario, State, StepEvent, ThreadStatus } from './types';
import { init } from './world';

export type StepResult = { ok: true; state: State; event: StepEvent } | { ok: false; error: string };

const names = new WeakMap<Scenario, string[]>();

export function threadNames(scenario: Scenario): string[] {
  let list = names.get(scenario);
  if (!list) {
    list = programsOf(scenario).map((p) => p.name);
    names.set(scenario, list);
  }
  return list;
}

export function threadStatus(s: State, t: number): ThreadStatus {
  const th = s.threads[t];
  const instr = programsOf(s.scenario)[t]?.instrs[th?.pc ?? -1];
  if (!th || th.done || !instr) return { state: 'done' };
  const reason = OPS[instr.op]?.blocked?.(s, t, instr, threadNames(s.scenario)) ?? null;
  return reason ? { state: 'blocked', reason } : { state: 'ready' };
}

export function enabledThreads(s: State): number[] {
  const ready: number[] = [];
  for (let t = 0; t < s.threads.length; t++) if (threadStatus(s, t).state === 'ready') ready.push(t);
  return ready;
}

export function isDone(s: State): boolean {
  return s.threads.every((th) => th.done);
}

/** Run-level checks after a step: deadlock (nobody can move) and an invalidation count left behind. */
function globalChecks(ctx: OpCtx): void {
  const { s } = ctx;
  if (isDone(s)) {
    if (s.vhost.count !== 0) {
      report(
        ctx,
        'invalidation-never-ends',
        [],
        `Every thread finished with the invalidation count at ${s.vhost.count}: vhost will never use the fast path again (or, below zero, may publish during an invalidation).`,
        'Count every invalidation in start and end alike, independent of the ring’s current address.',
      );
    }
    return;
  }
  if (enabledThreads(s).length > 0) return;
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
  ctx.detail.push('vhost’s notifier is not registered: no callback is called.');
}

/** Takes one atomic step of thread `t`. Pure: the input state is never mutated. */
export function step(state: State, t: number): StepResult {
  return advance(state, t, true);
}

/** The explorer's step: the same transition without the event's diff (`changed` is empty). */
export function stepState(state: State, t: number): StepResult {
  return advance(state, t, false);
}

function advance(state: State, t: number, withDiff: boolean): StepResult {
  const program = programsOf(state.scenario)[t];
  if (!program) return { ok: false, error: `There is no thread ${t + 1} in this scenario.` };
  const status = threadStatus(state, t);
  if (status.state !== 'ready') {
    return {
      ok: false,
      error: `${program.name} cannot run: ${status.state === 'done' ? 'it has finished' : status.reason}.`,
    };
  }
  const s = cloneState(state);
  const th = s.threads[t];
  const pc = th?.pc ?? 0;
  const instr = program.instrs[pc];
  if (!th || !instr) return { ok: false, error: `${program.name} has no instruction at ${pc}.` };
  const ctx: OpCtx = {
    s,
    t,
    instr,
    step: state.time,
    names: threadNames(state.scenario),
    cost: zeroCounters(),
    findings: [],
    detail: [],
  };
  th.pc = pc + 1;
  OPS[instr.op]?.run(ctx);
  if (instr.depth === 0 && !s.vhost.registered) skipCallbacks(ctx, program.instrs);
  if (th.pc >= program.instrs.length) th.done = true;
  s.time += 1;
  globalChecks(ctx);
  addCounters(s.counters, ctx.cost);
  if (ctx.findings.length > 0) s.findings = [...s.findings, ...ctx.findings];
  const event: StepEvent = {
    step: state.time,
    thread: t,
    pc,
    instr,
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
