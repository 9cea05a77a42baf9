import { clearCounters, type OpCtx, zeroCounters } from '../../context';
import { OPS } from '../../ops';
import type { OpName } from '../../ops/op-names';
import { type WordCtx, type WordOp, wordCtx } from '../../ops/words/word-op';
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
  WORD_WRITES,
} from '../../schema/state-words';
import { mixA, mixB, wordKey } from '../../schema/word-key';
import { modelOf, reportCountLeftBehind, reportDeadlock, stepInPlace } from '../../step';
import type { Instr, Scenario, State } from '../../types';
import { init } from '../../world';
import { key64 } from '../engine/hash64';
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
  // Per thread and pc, the op's word body (or null: the object fallback), looked up once, not per transition.
  const wordOpAt = programs.map((p) => p.instrs.map((instr) => wordOps[instr.op] ?? null));
  // Their functions, taken out once: calling `op.run` on ops of many shapes is a megamorphic lookup per step.
  const runAt = wordOpAt.map((ops) => ops.map((op) => op?.run ?? null));
  const blockedAt = wordOpAt.map((ops) => ops.map((op) => op?.blocked ?? null));
  const base = newStateWords();
  const works = [newStateWords(), newStateWords()] as const;
  // Each buffer's key (word-key.ts): base's comes with its encoding, a work buffer's from the step that wrote it.
  const baseKey = new Int32Array(2);
  const workKeys = [new Int32Array(2), new Int32Array(2)] as const;
  const otherKey = new Int32Array(2);
  const keyOf = (w: Int32Array): Int32Array => {
    if (w === works[0]) return workKeys[0];
    if (w === works[1]) return workKeys[1];
    if (w === base && baseKeyed) return baseKey;
    wordKey(w, otherKey, 0);
    return otherKey;
  };
  let baseKeyed = false;
  // While `synced`, works[0] equals base but at the words in dirty[0, dirtyCount): a step restores only those.
  const dirty = new Int32Array(STATE_WORDS);
  let dirtyCount = 0;
  let synced = false;
  const seen = new Int32Array(STATE_WORDS);
  const changed = new Int32Array(STATE_WORDS);
  let epoch = 0;
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
      const pc = W.threads.pc.get(w, t);
      const instr = programs[t]?.instrs[pc];
      if (!instr) continue;
      const blocked = wordOpAt[t]?.[pc]
        ? blockedAt[t]?.[pc]?.(w, t, instr, names, scenario)
        : OPS[instr.op].blocked?.(objectOf(w), t, instr, names);
      if (!blocked) mask |= 1 << t;
    }
    masked = w;
    return mask;
  };
  const reporting = { t: 0, step: 0, names, cost: zeroCounters(), findings: [], detail: [], narrate: false };
  const wctx: WordCtx = wordCtx({ ...reporting, instr: programs[0]?.instrs[0] as Instr }, base, scenario);
  const ctx: OpCtx = { ...reporting, s: objectWork, instr: wctx.instr, findings: wctx.findings };
  const result: MachineStep<Int32Array> = { ok: true, state: base, findings: wctx.findings };
  const allDone = (w: Int32Array) => {
    for (let t = 0; t < programs.length; t++) if (!W.threads.done.get(w, t)) return false;
    return true;
  };

  /** Makes `to` a copy of `from`: only the words the last step wrote when `to` is works[0] and `from` is base. */
  function copyParent(from: Int32Array, to: Int32Array): void {
    if (to === works[0] && from === base && synced) {
      for (let i = 0; i < dirtyCount; i++) {
        const at = dirty[i] as number;
        to[at] = from[at] as number;
      }
    } else to.set(from);
    if (to === works[0]) synced = from === base;
    dirtyCount = to === works[0] ? 0 : dirtyCount;
    WORD_WRITES.n = 0;
  }

  /** `to`'s key from `from`'s, changed by the words written since `copyParent` (all words when the log overflowed). */
  function rekey(from: Int32Array, to: Int32Array): void {
    const parent = keyOf(from);
    let a = parent[0] as number;
    let b = parent[1] as number;
    const track = to === works[0];
    const { log, n } = WORD_WRITES;
    if (n > log.length) {
      const count = differingWords(from, to, changed);
      for (let i = 0; i < count; i++) {
        const at = changed[i] as number;
        const u = from[at] as number;
        const v = to[at] as number;
        if (track) dirty[dirtyCount++] = at;
        a = (a + mixA(at, v) - mixA(at, u)) | 0;
        b = (b + mixB(at, v) - mixB(at, u)) | 0;
      }
    } else {
      epoch++;
      for (let i = 0; i < n; i++) {
        const at = log[i] as number;
        if (seen[at] === epoch) continue;
        seen[at] = epoch;
        const u = from[at] as number;
        const v = to[at] as number;
        if (u === v) continue;
        if (track) dirty[dirtyCount++] = at;
        a = (a + mixA(at, v) - mixA(at, u)) | 0;
        b = (b + mixB(at, v) - mixB(at, u)) | 0;
      }
    }
    const key = to === works[0] ? workKeys[0] : workKeys[1];
    key[0] = a;
    key[1] = b;
  }

  /** Steps `op` on words into `to` (already a copy of `from`); false when the step must be redone on objects. */
  function onWords(from: Int32Array, to: Int32Array, t: number, run: WordOp['run'], instr: Instr, pc: number): boolean {
    wctx.w = to;
    wctx.t = t;
    wctx.instr = instr;
    wctx.step = from[STATE_WORDS] ?? 0;
    W.threads.pc.set(to, t, pc + 1);
    run(wctx);
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
      // Setting an array's length calls into the runtime even when it is already 0.
      if (wctx.findings.length > 0) wctx.findings.length = 0;
      const pc = W.threads.pc.get(state, t);
      const instr = program.instrs[pc] as Instr;
      const run = runAt[t]?.[pc];
      copyParent(state, work);
      if (run && onWords(state, work, t, run, instr, pc)) {
        stats.words += 1;
        rekey(state, work);
        result.state = work;
        return result;
      }
      if (wctx.findings.length > 0) wctx.findings.length = 0;
      clearCounters(reporting.cost);
      stats.fallback += 1;
      copyStateInto(objectOf(state), objectWork);
      ctx.t = t;
      stepInPlace(ctx, program);
      packState(objectWork, work);
      rekey(state, work);
      result.state = work;
      return result;
    },
    key(state) {
      const key = keyOf(state);
      key64[0] = key[0] as number;
      key64[1] = key[1] as number;
    },
    // The words in use, then the key (so decoding needs no hashing), then the enabled threads' mask: a chain that
    // stops at a new state has just computed it, and the state's expansion would compute it again.
    encode(state, w) {
      w.ensure(w.len + STATE_WORDS + 3);
      const key = keyOf(state);
      const enabledMask = maskOf(state);
      let at = compactWords(state, w.buf, w.len);
      w.buf[at++] = key[0] as number;
      w.buf[at++] = key[1] as number;
      w.buf[at++] = enabledMask;
      w.len = at;
    },
    decode(buf, start, end, depth) {
      written(base);
      synced = false;
      const read = expandWords(buf, start, base);
      if (read + 3 !== end) throw new RangeError(`state words of ${end - start} were read as ${read + 3 - start}`);
      baseKey[0] = buf[read] as number;
      baseKey[1] = buf[read + 1] as number;
      baseKeyed = true;
      base[STATE_WORDS] = depth;
      masked = base;
      mask = buf[read + 2] as number;
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

/** The layout words where `a` and `b` differ, into `out`; returns their count (a tight loop: a fallback's diff). */
function differingWords(a: Int32Array, b: Int32Array, out: Int32Array): number {
  let count = 0;
  for (let at = 0; at < STATE_WORDS; at++) if (a[at] !== b[at]) out[count++] = at;
  return count;
}
