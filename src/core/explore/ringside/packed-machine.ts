import { clearCounters, type OpCtx, zeroCounters } from '../../context';
import { OPS } from '../../ops';
import type { OpName } from '../../ops/op-names';
import type { WordCtx, WordOp } from '../../ops/words/word-op';
import { WORD_OPS } from '../../ops/words/word-ops';
import { copyStateInto } from '../../schema/state-codec';
import {
  compactWords,
  expandWords,
  newStateWords,
  packState,
  STATE_WORDS,
  unpackState,
  W,
} from '../../schema/state-words';
import { modelOf, reportCountLeftBehind, reportDeadlock, stepInPlace } from '../../step';
import type { Instr, Scenario, State } from '../../types';
import { init } from '../../world';
import type { Machine, MachineStep } from '../engine/machine';
import { wordAmpleSets } from '../reduction/word-por';

/** Transitions taken on words and through the object fallback, since the machine was made. */
export interface PackedStats {
  words: number;
  fallback: number;
}

const wordOps: Partial<Record<OpName, WordOp>> = WORD_OPS;

/**
 * The explorer's machine on words: a state is an `Int32Array` in the schema's fixed word layout (`time` in the word
 * after it). A step copies the parent's words and runs the op's word body (`ops/words/`); an op not yet written on
 * words falls back to the object path for that transition: the parent unpacked (once per expanded state), copied,
 * stepped by `stepInPlace`, packed. The visited set's key is the words in use (`compactWords`).
 */
export function packedRingsideMachine(scenario: Scenario): Machine<Int32Array> & { readonly stats: PackedStats } {
  const model = modelOf(scenario);
  const { programs, names } = model;
  const lists = Array.from({ length: 1 << programs.length }, (_, mask) =>
    Array.from({ length: programs.length }, (_, t) => t).filter((t) => mask & (1 << t)),
  );
  const base = newStateWords();
  const works = [newStateWords(), newStateWords()] as const;
  const stats: PackedStats = { words: 0, fallback: 0 };
  // The object mirror of `mirrored` (valid until those words are written), for ops still on objects.
  const object = init(scenario);
  const objectWork = init(scenario);
  let mirrored: Int32Array | null = null;
  const objectOf = (w: Int32Array): State => {
    if (mirrored !== w) {
      unpackState(w, object);
      mirrored = w;
    }
    return object;
  };
  let masked: Int32Array | null = null;
  let mask = 0;
  const written = (w: Int32Array) => {
    if (masked === w) masked = null;
    if (mirrored === w) mirrored = null;
  };
  const maskOf = (w: Int32Array): number => {
    if (w === masked) return mask;
    mask = 0;
    for (let t = 0; t < programs.length; t++) {
      if (W.threads.done.get(w, t)) continue;
      const instr = programs[t]?.instrs[W.threads.pc.get(w, t)];
      if (!instr) continue;
      const op = wordOps[instr.op];
      const blocked = op
        ? op.blocked?.(w, t, instr, names, scenario)
        : OPS[instr.op].blocked?.(objectOf(w), t, instr, names);
      if (!blocked) mask |= 1 << t;
    }
    masked = w;
    return mask;
  };
  const reporting = { t: 0, step: 0, names, cost: zeroCounters(), findings: [], detail: [], narrate: false };
  const wctx: WordCtx = { ...reporting, w: base, scenario, instr: programs[0]?.instrs[0] as Instr };
  const ctx: OpCtx = { ...reporting, s: objectWork, instr: wctx.instr, findings: wctx.findings };
  const result: MachineStep<Int32Array> = { ok: true, state: base, findings: wctx.findings };
  const allDone = (w: Int32Array) => {
    for (let t = 0; t < programs.length; t++) if (!W.threads.done.get(w, t)) return false;
    return true;
  };

  /** Steps `op` on words into `to`; false when the step must be redone on objects. */
  function onWords(from: Int32Array, to: Int32Array, t: number, op: WordOp, instr: Instr, pc: number): boolean {
    to.set(from);
    wctx.w = to;
    wctx.t = t;
    wctx.instr = instr;
    wctx.step = from[STATE_WORDS] ?? 0;
    W.threads.pc.set(to, t, pc + 1);
    op.run(wctx);
    const program = programs[t];
    if (!program) return false;
    // `skipCallbacks`: with vhost's notifier unregistered, a call site's callbacks are skipped.
    if (instr.depth === 0 && !W.vhost.registered.get(to))
      while ((program.instrs[W.threads.pc.get(to, t)]?.depth ?? 0) > 0)
        W.threads.pc.set(to, t, W.threads.pc.get(to, t) + 1);
    if (W.threads.pc.get(to, t) >= program.instrs.length) W.threads.done.set(to, t, true);
    to[STATE_WORDS] = wctx.step + 1;
    // `countLeftBehind`: the end of a run with an invalidation count left behind.
    const count = W.vhost.count.get(to);
    if (count !== 0 && allDone(to)) reportCountLeftBehind(wctx, count);
    return true;
  }

  return {
    stats,
    init() {
      const w = newStateWords();
      packState(init(scenario), w);
      return w;
    },
    enabled: (state) => lists[maskOf(state)] ?? [],
    step(state, t) {
      const program = programs[t];
      if (!program || !(maskOf(state) & (1 << t))) return { ok: false, error: `thread ${t} cannot step here` };
      const work = state === works[0] ? works[1] : works[0];
      written(work);
      wctx.findings.length = 0;
      const pc = W.threads.pc.get(state, t);
      const instr = program.instrs[pc] as Instr;
      const op = wordOps[instr.op];
      if (op && onWords(state, work, t, op, instr, pc)) {
        stats.words += 1;
        result.state = work;
        return result;
      }
      wctx.findings.length = 0;
      clearCounters(reporting.cost);
      stats.fallback += 1;
      copyStateInto(objectOf(state), objectWork);
      ctx.t = t;
      stepInPlace(ctx, program);
      packState(objectWork, work);
      result.state = work;
      return result;
    },
    encode(state, w) {
      w.ensure(w.len + STATE_WORDS);
      w.len = compactWords(state, w.buf, w.len);
    },
    decode(buf, start, end, depth) {
      written(base);
      const read = expandWords(buf, start, base);
      if (read !== end) throw new RangeError(`state words of ${end - start} were read as ${read - start}`);
      base[STATE_WORDS] = depth;
      return base;
    },
    stuck(state) {
      const findings: OpCtx['findings'] = [];
      const s = objectOf(state);
      reportDeadlock({ ...ctx, s, t: 0, findings, step: Math.max(0, s.time - 1) }, maskOf(state));
      return findings;
    },
    ampleSets: wordAmpleSets(scenario),
  };
}
