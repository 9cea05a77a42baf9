import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../../scenarios';
import { type OpCtx, zeroCounters } from '../../context';
import { MM_KINDS, validateScenario } from '../../index';
import { FOOTPRINTS } from '../../ops/footprints';
import { OPS } from '../../ops/index';
import type { WordOp } from '../../ops/words/word-op';
import { WORD_OPS } from '../../ops/words/word-ops';
import { programsOf } from '../../programs/compile';
import { cloneState } from '../../schema/state-codec';
import { newStateWords, packState, W } from '../../schema/state-words';
import { threadNames } from '../../step';
import type { Instr, Scenario, State } from '../../types';
import { init } from '../../world';
import { explore } from '../engine/engine';
import { cellScenario, cellVariants, matrixRows } from '../matrix/matrix';
import { ringsideMachine } from '../ringside/ringside';
import { markNamedFrames, OWN_FRAME_OPS, ownFramesPrivate } from './private-frames';

const wordOps: Partial<Record<string, WordOp>> = WORD_OPS;

/**
 * The frame indices a word op's blocked check and body touch from `s`, on words as the packed machine runs them:
 * every `W.frames` accessor logs its frame index (the object path would log the whole table, which `onWords`
 * packs). A rare branch that an op runs on a thin object view (`objectView`) is not seen here.
 */
function frameWordsTouched(s: State, t: number, instr: Instr, op: WordOp): number[] {
  const touched = new Set<number>();
  const w = newStateWords();
  packState(s, w);
  const restore: (() => void)[] = [];
  for (const field of Object.values(W.frames)) {
    if (typeof field !== 'object' || field === null) continue;
    const accessor = field as unknown as Record<string, (w: Int32Array, ...args: unknown[]) => unknown>;
    for (const [name, original] of Object.entries(accessor)) {
      accessor[name] = (words: Int32Array, ...args: unknown[]) => {
        if (typeof args[0] === 'number') touched.add(args[0]);
        return original(words, ...args);
      };
      restore.push(() => {
        accessor[name] = original;
      });
    }
  }
  try {
    const names = threadNames(s.scenario);
    if (op.blocked?.(w, t, instr, names, s.scenario)) return [...touched];
    W.threads.pc.set(w, t, W.threads.pc.get(w, t) + 1);
    const reporting = { t, instr, step: s.time, names, cost: zeroCounters(), findings: [], detail: [] };
    op.run({ ...reporting, narrate: false, w, scenario: s.scenario });
  } finally {
    for (const undo of restore) undo();
  }
  wordTouches.count += touched.size;
  return [...touched];
}
/** Frame touches seen on the word path, so a test can tell the logging works. */
const wordTouches = { count: 0 };

/** The frame indices thread `t`'s blocked check and op touch from `s`, run as the explorer runs them. */
function framesTouched(s: State, t: number): number[] {
  const instr = programsOf(s.scenario)[t]?.instrs[s.threads[t]?.pc ?? -1];
  if (!instr) return [];
  const wordOp = wordOps[instr.op];
  if (wordOp) return frameWordsTouched(s, t, instr, wordOp);
  const touched = new Set<number>();
  const draft = cloneState(s);
  const log = (key: string | symbol) => {
    if (typeof key === 'string' && /^\d+$/.test(key)) touched.add(Number(key));
  };
  draft.frames = new Proxy(draft.frames, {
    get(target, key, receiver) {
      log(key);
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      log(key);
      return Reflect.set(target, key, value, receiver);
    },
  });
  const names = threadNames(s.scenario);
  if (OPS[instr.op]?.blocked?.(draft, t, instr, names)) return [...touched];
  const th = draft.threads[t];
  if (th) th.pc += 1;
  const ctx: OpCtx = {
    s: draft,
    t,
    instr,
    step: s.time,
    names,
    cost: zeroCounters(),
    findings: [],
    detail: [],
    narrate: false,
  };
  OPS[instr.op]?.run(ctx);
  return [...touched];
}

/** Explores `scenario` and lists every step that touches a frame no reference in the state names. */
function unnamedTouches(scenario: Scenario, maxStates: number): string[] {
  const problems = new Set<string>();
  const base = ringsideMachine(scenario);
  const check = (s: State) => {
    const named = new Uint8Array(s.frames.length);
    markNamedFrames(s, -1, named);
    s.threads.forEach((th, t) => {
      if (th.done) return;
      const op = programsOf(scenario)[t]?.instrs[th.pc]?.op;
      const own = new Set([...th.locals.pages, ...th.locals.refs]);
      for (const f of framesTouched(s, t)) {
        // A frame the step allocates is new: its index is past the table.
        if (f < s.frames.length && !named[f]) problems.add(`${op} touches frame #${f}, which nothing names`);
        if (op && OWN_FRAME_OPS.has(op) && !own.has(f)) problems.add(`${op} touches frame #${f}, not its own`);
      }
    });
  };
  const enabled = (s: State) => {
    check(s);
    return base.enabled(s);
  };
  explore({ ...base, enabled }, { maxStates });
  return [...problems].sort();
}

const matrixScenarios = (): Scenario[] =>
  matrixRows().flatMap(({ design, bug }) =>
    MM_KINDS.flatMap((event) => {
      const cell = cellScenario(design, event, bug);
      return validateScenario(cell).ok ? cellVariants(cell, event) : [];
    }),
  );

describe('frames no other thread can name (docs/partial-order.md)', () => {
  it('the own-frame ops touch frames and nothing else, over every design', () => {
    for (const op of OWN_FRAME_OPS) expect(FOOTPRINTS[op], op).toEqual({ reads: ['frames'], writes: ['frames'] });
  });

  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    'in %s, every step touches only frames a reference names, and an own-frame op only its own',
    (_id, scenario) => {
      expect(unnamedTouches(scenario, 1_500)).toEqual([]);
    },
  );

  it('sees the frames an op on words touches (the word path is logged, not skipped)', () => {
    const before = wordTouches.count;
    unnamedTouches(builtinScenarios.find((s) => s.id === 'gup-munmap-uaf') as Scenario, 200);
    expect(wordTouches.count).toBeGreaterThan(before);
  });

  it('in every matrix cell, every step touches only frames a reference names', () => {
    expect(matrixScenarios().flatMap((s) => unnamedTouches(s, 600))).toEqual([]);
  }, 120_000);

  it('a frame vhost still maps or points at is not private to the thread releasing it', () => {
    const scenario = builtinScenarios.find((s) => s.id === 'gup-munmap-uaf') as Scenario;
    const s = init(scenario);
    const mm = s.threads[1];
    const mapped = s.ptes[0]?.frame ?? 0;
    if (!mm) throw new Error('no mm thread');
    mm.locals.refs = [mapped];
    const scratch = new Uint8Array(1);
    // QEMU's PTE still names it.
    expect(ownFramesPrivate(s, 1, scratch)).toBe(false);
    for (const pte of s.ptes) if (pte.frame === mapped) pte.frame = -1;
    expect(ownFramesPrivate(s, 1, scratch)).toBe(true);
    // vhost's cached pointer, or a reference in vhost's locals, names it again.
    s.vhost.ptr[0] = mapped;
    expect(ownFramesPrivate(s, 1, scratch)).toBe(false);
    s.vhost.ptr[0] = -1;
    (s.threads[0] as State['threads'][number]).locals.refs = [mapped];
    expect(ownFramesPrivate(s, 1, scratch)).toBe(false);
  });
});
