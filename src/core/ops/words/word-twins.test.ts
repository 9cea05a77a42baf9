import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../../scenarios';
import { type OpCtx, zeroCounters } from '../../context';
import { explore } from '../../explore/engine/engine';
import { cellScenario, cellVariants, matrixRows } from '../../explore/matrix/matrix';
import { referenceMachine } from '../../explore/ringside/ringside';
import { MM_KINDS, validateScenario } from '../../index';
import { programsOf } from '../../programs/compile';
import { cloneState } from '../../schema/state-codec';
import { newStateWords, packState, unpackState } from '../../schema/state-words';
import { threadNames } from '../../step';
import type { Scenario, State } from '../../types';
import { OPS } from '../index';
import type { Op } from '../shared';
import { exitOps } from './twins/exit-ops.test-util';
import { forkOps } from './twins/fork-ops.test-util';
import { ksmThpOps } from './twins/ksm-thp-ops.test-util';
import { gupSlowFault, userAccess, userAccessBlocked } from './twins/object-access.test-util';
import { vhostMmTwins } from './twins/vhost-mm-ops.test-util';
import { writebackOps } from './twins/writeback-ops.test-util';
import type { WordCtx } from './word-op';
import * as words from './word-user-access';

/** The object bodies the ops had before they were written on words (copied from the tree before the move). */
const TWINS: Readonly<Record<string, Op>> = { ...vhostMmTwins, ...forkOps, ...exitOps, ...ksmThpOps, ...writebackOps };

const MATRIX_STATES = 300;
const BUILTIN_STATES = 1_500;
/** States per scenario for the helpers' check, which runs every ring page of each state both ways. */
const HELPER_STATES = 60;

function matrixScenarios(): Scenario[] {
  return matrixRows().flatMap(({ design, bug }) =>
    MM_KINDS.flatMap((event) => {
      const cell = cellScenario(design, event, bug);
      const valid = validateScenario(cell);
      return valid.ok ? cellVariants(valid.scenario, event) : [];
    }),
  );
}

/** Every state a bounded search of `scenario` reaches (the reference machine: fresh objects per step). */
function reached(scenario: Scenario, maxStates: number): State[] {
  const states: State[] = [];
  const base = referenceMachine(scenario);
  const enabled = (s: State) => {
    states.push(s);
    return base.enabled(s);
  };
  explore({ ...base, enabled }, { maxStates, por: false });
  return states;
}

function objectCtx(s: State, t: number): OpCtx {
  const names = threadNames(s.scenario);
  const instr = programsOf(s.scenario)[t]?.instrs[0];
  if (!instr) throw new Error('no instruction');
  return { s, t, instr, step: s.time, names, cost: zeroCounters(), findings: [], detail: [], narrate: true };
}

/** What one run left behind: the state's words, the pc, the sentences, the costs and the findings. */
function outcome(ctx: OpCtx) {
  const w = newStateWords();
  packState(ctx.s, w);
  return { words: [...w], detail: ctx.detail, cost: ctx.cost, findings: ctx.findings, instr: ctx.instr };
}

/** Runs `op` for thread `t` on a copy of `s` as the stepper does (pc advanced first). */
function runOn(s: State, t: number, op: Op) {
  const ctx = objectCtx(cloneState(s), t);
  const th = ctx.s.threads[t];
  const instr = th && programsOf(s.scenario)[t]?.instrs[th.pc];
  if (!th || !instr) throw new Error('no instruction');
  ctx.instr = instr;
  th.pc += 1;
  op.run(ctx);
  return outcome(ctx);
}

describe('the ops written on words do what their object bodies did', () => {
  const ran = new Set<string>();
  const check = (scenario: Scenario, maxStates: number) => {
    const names = threadNames(scenario);
    for (const s of reached(scenario, maxStates)) {
      s.threads.forEach((th, t) => {
        const instr = programsOf(scenario)[t]?.instrs[th.pc];
        const twin = instr && TWINS[instr.op];
        if (th.done || !instr || !twin) return;
        const why = OPS[instr.op].blocked?.(s, t, instr, names) ?? null;
        expect(why, `${scenario.id} ${instr.op} blocked`).toBe(twin.blocked?.(s, t, instr, names) ?? null);
        if (why) return;
        expect(runOn(s, t, OPS[instr.op]), `${scenario.id} ${instr.op}`).toEqual(runOn(s, t, twin));
        ran.add(instr.op);
      });
    }
  };

  it('on every built-in scenario and every matrix cell (same state, pc, sentences, costs, findings, blocked reason)', () => {
    for (const scenario of builtinScenarios) check(scenario, BUILTIN_STATES);
    for (const scenario of matrixScenarios()) check(scenario, MATRIX_STATES);
    expect([...ran].sort()).toEqual(Object.keys(TWINS).sort());
  }, 600_000);
});

describe('copy_*_user on words does what `access.ts` did on objects (twins/object-access.test-util.ts)', () => {
  it('userAccess, gupSlowFault and userAccessBlocked on every ring page of the states the COW, KSM and reclaim cells reach', () => {
    const scenarios = [
      ...builtinScenarios,
      ...matrixScenarios().filter((s) =>
        ['fork', 'ksm', 'reclaim', 'migrate', 'writeback'].includes(s.mm[0]?.kind ?? ''),
      ),
    ];
    const w = newStateWords();
    let faults = 0;
    for (const scenario of scenarios) {
      for (const s of reached(scenario, HELPER_STATES)) {
        for (let gp = 0; gp < s.ptes.length; gp++) {
          for (const write of [false, true]) {
            packState(s, w);
            expect(words.userAccessBlocked(w, scenario, gp, write)).toBe(userAccessBlocked(s, gp, write));
            for (const [objectBody, wordBody] of [
              [userAccess, words.userAccess],
              [gupSlowFault, words.gupSlowFault],
            ] as const) {
              const object = objectCtx(cloneState(s), 0);
              objectBody(object, gp, write);
              const viaWords = objectCtx(cloneState(s), 0);
              packState(viaWords.s, w);
              const { s: _s, ...rest } = viaWords;
              const wctx: WordCtx = { ...rest, w, scenario };
              wordBody(wctx, gp, write);
              unpackState(w, viaWords.s);
              expect(outcome(viaWords)).toEqual(outcome(object));
              if (!s.ptes[gp]?.present) faults += 1;
            }
          }
        }
      }
    }
    expect(faults).toBeGreaterThan(0);
  }, 600_000);
});
