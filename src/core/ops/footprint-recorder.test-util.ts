import { type OpCtx, zeroCounters } from '../context';
import { programsOf } from '../programs/compile';
import { cloneState } from '../schema/state-codec';
import { newStateWords, packState } from '../schema/state-words';
import { threadNames } from '../step';
import type { State } from '../types';
import type { StatePart } from './footprints';
import { OPS } from './index';
import type { OpName } from './op-names';
import type { WordOp } from './words/word-op';
import { WORD_OPS } from './words/word-ops';
import { recordingWords, VHOST_PARTS } from './words/word-recorder.test-util';

const wordOps: Partial<Record<OpName, WordOp>> = WORD_OPS;

export interface Touched {
  reads: Set<StatePart>;
  writes: Set<StatePart>;
}

/** Wraps `value` so that every read and write below it is logged as `parts` (deeply; identity kept per object). */
function watch(value: unknown, parts: readonly StatePart[], log: Touched, seen: WeakMap<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known) return known;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      for (const p of parts) log.reads.add(p);
      return watch(Reflect.get(target, key, receiver), parts, log, seen);
    },
    set(target, key, v, receiver) {
      for (const p of parts) log.writes.add(p);
      return Reflect.set(target, key, v, receiver);
    },
    deleteProperty(target, key) {
      for (const p of parts) log.writes.add(p);
      return Reflect.deleteProperty(target, key);
    },
  });
  seen.set(value, proxy);
  return proxy;
}

const TOP_PARTS: Readonly<Record<string, StatePart[]>> = {
  ptes: ['ptes'],
  frames: ['frames'],
  vmalloc: ['vmalloc'],
  tlbs: ['tlb0', 'tlb1'],
  swap: ['swap'],
  published: ['published'],
};

/** A view of `s` for thread `t` that logs which state parts are touched; its own thread and history are not logged. */
function recordingState(s: State, t: number, log: Touched): State {
  const seen = new WeakMap<object, unknown>();
  const vhost = new Proxy(s.vhost, {
    get(target, key, receiver) {
      const part = VHOST_PARTS[String(key)];
      if (part) log.reads.add(part);
      return watch(Reflect.get(target, key, receiver), part ? [part] : [], log, seen);
    },
    set(target, key, v, receiver) {
      const part = VHOST_PARTS[String(key)];
      if (part) log.writes.add(part);
      return Reflect.set(target, key, v, receiver);
    },
  });
  const tlbProxies = new WeakMap<object, State['tlbs']>();
  const tlbsOf = (arr: State['tlbs']): State['tlbs'] => {
    const known = tlbProxies.get(arr);
    if (known) return known;
    const proxy = tlbsProxy(arr);
    tlbProxies.set(arr, proxy);
    return proxy;
  };
  const tlbsProxy = (arr: State['tlbs']) =>
    new Proxy(arr, {
      get(target, key, receiver) {
        const cpu = String(key) === '0' ? 'tlb0' : String(key) === '1' ? 'tlb1' : undefined;
        const parts: StatePart[] = cpu ? [cpu] : typeof key === 'string' ? ['tlb0', 'tlb1'] : [];
        for (const p of parts) log.reads.add(p);
        return watch(Reflect.get(target, key, receiver), parts, log, seen);
      },
      set(target, key, v, receiver) {
        log.writes.add(String(key) === '1' ? 'tlb1' : 'tlb0');
        if (String(key) !== '0' && String(key) !== '1') log.writes.add('tlb1');
        return Reflect.set(target, key, v, receiver);
      },
    });
  const threads = new Proxy(s.threads, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (String(key) === String(t) || typeof value !== 'object') return value;
      log.reads.add('threads');
      return watch(value, ['threads'], log, seen);
    },
  });
  return new Proxy(s, {
    get(target, key, receiver) {
      if (key === 'vhost') return vhost;
      if (key === 'tlbs') return tlbsOf(target.tlbs);
      if (key === 'threads') return threads;
      const parts = TOP_PARTS[String(key)];
      if (!parts) return Reflect.get(target, key, receiver);
      for (const p of parts) log.reads.add(p);
      return watch(Reflect.get(target, key, receiver), parts, log, seen);
    },
    set(target, key, v, receiver) {
      for (const p of TOP_PARTS[String(key)] ?? []) log.writes.add(p);
      return Reflect.set(target, key, v, receiver);
    },
  }) as State;
}

const empty = (): Touched => ({ reads: new Set(), writes: new Set() });

/** What thread `t`'s blocked check reads in `s` (a reason's wording, e.g. who holds a lock, is not counted). */
export function touchedByBlocked(s: State, t: number): { touched: Touched; blocked: boolean } {
  const log = empty();
  const instr = programsOf(s.scenario)[t]?.instrs[s.threads[t]?.pc ?? -1];
  const wordCheck = instr ? wordOps[instr.op]?.blocked : undefined;
  if (instr && wordCheck) {
    const w = newStateWords();
    packState(s, w);
    const reason = recordingWords(log, t, () => wordCheck(w, t, instr, threadNames(s.scenario), s.scenario));
    return { touched: log, blocked: reason !== null };
  }
  const check = instr ? OPS[instr.op]?.blocked : undefined;
  const reason =
    instr && check ? check(recordingState(cloneState(s), t, log), t, instr, threadNames(s.scenario)) : null;
  return { touched: log, blocked: reason !== null };
}

/**
 * What thread `t`'s op touches when it runs from `s` as the explorer runs it (`advance` in step.ts with narration
 * and read-dependent counters off, without the global checks).
 */
export function touchedByRun(s: State, t: number): Touched {
  const log = empty();
  const instr = programsOf(s.scenario)[t]?.instrs[s.threads[t]?.pc ?? -1];
  if (!instr) return log;
  const draft = cloneState(s);
  const th = draft.threads[t];
  if (th) th.pc += 1;
  const ctx: OpCtx = {
    s: recordingState(draft, t, log),
    t,
    instr,
    step: s.time,
    names: threadNames(s.scenario),
    cost: zeroCounters(),
    findings: [],
    detail: [],
    narrate: false,
  };
  const wordOp = wordOps[instr.op];
  if (wordOp) {
    // An op on words is recorded through its accessors: packing the whole state would read every part.
    const w = newStateWords();
    packState(draft, w);
    const { s: _draft, ...rest } = ctx;
    recordingWords(log, t, () => wordOp.run({ ...rest, w, scenario: s.scenario }));
    return log;
  }
  OPS[instr.op]?.run(ctx);
  return log;
}
