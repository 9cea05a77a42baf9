// Why the partial-order reduction keeps what it keeps (issue 20): runs a scenario with the reduction on and counts,
// per expanded state with two or more enabled threads, whether it was reduced, which condition stopped it (no
// candidate: C1; a candidate's step reported a finding: C2; its successor was found before this level: C3), and for C1 the
// conflicting parts by (op of the candidate, kind of the other thread). The tally runs with chains off (each state
// it counts is expanded, none is stepped through); the last line gives the states kept with chains on, and how
// many chain steps the search took through unstored states. Not part of the product.

import { hasForkThread } from '../../src/core/cow-window';
import { explore } from '../../src/core/explore/engine/engine';
import type { Machine } from '../../src/core/explore/engine/machine';
import { cellScenario, cellVariants, matrixRows } from '../../src/core/explore/matrix/matrix';
import { dependencyTable } from '../../src/core/explore/reduction/por';
import { OWN_FRAME_OPS, ownFramesPrivate } from '../../src/core/explore/reduction/private-frames';
import { ringsideMachine } from '../../src/core/explore/ringside/ringside';
import { MM_KINDS, validateScenario } from '../../src/core/index';
import { STATE_PARTS } from '../../src/core/ops/footprints';
import { programsOf } from '../../src/core/programs/compile';
import type { Scenario, State } from '../../src/core/types';
import { stress, yardstick } from './scenarios';

const maxStates = Number(process.argv[process.argv.indexOf('--max-states') + 1]) || 300_000;
const partsOf = (m: number) => STATE_PARTS.filter((_, i) => m & (1 << i)).join('+');
const tally = new Map<string, number>();
const FRAMES = 1 << STATE_PARTS.indexOf('frames');
const scratch = new Uint8Array(64);
const bump = (k: string, n = 1) => tally.set(k, (tally.get(k) ?? 0) + n);
function analyse(scenario: Scenario): number {
  const programs = programsOf(scenario);
  const table = dependencyTable(programs, hasForkThread(scenario), scenario.design);
  const inner = ringsideMachine(scenario);
  let pending: { candidates: number; enabled: number; stepped: number; findings: number } | null = null;
  const settle = () => {
    if (!pending) return;
    const { candidates, enabled, stepped, findings } = pending;
    if (candidates === 0) bump('outcome C1 (no candidate set)');
    else if (stepped === enabled) {
      // Every candidate set was tried and refused: findings (C2) or a successor found before this level (C3).
      bump(
        findings > 0 ? 'outcome C2 (a candidate reported a finding)' : 'outcome C3 (successor found before this level)',
      );
    } else bump(`outcome reduced (${enabled} enabled, ${stepped} expanded)`);
    pending = null;
  };
  const machine: Machine<State> = {
    ...inner,
    enabled: (s) => {
      settle();
      return inner.enabled(s);
    },
    step(s, t) {
      const r = inner.step(s, t);
      if (pending && r.ok) {
        pending.stepped++;
        if (r.findings.length > 0) pending.findings++;
      }
      return r;
    },
    ampleSets(s, enabled) {
      const candidates = inner.ampleSets?.(s, enabled) ?? [];
      pending = { candidates: candidates.length, enabled: enabled.length, stepped: 0, findings: 0 };
      bump('states with 2+ enabled');
      const unfinished = s.threads.filter((th) => !th.done).length;
      if (unfinished > enabled.length) bump(`  of which ${unfinished - enabled.length} unfinished thread(s) blocked`);
      if (candidates.length === 0) {
        for (const t of enabled) {
          const pc = s.threads[t]?.pc ?? 0;
          const op = programs[t]?.instrs[pc]?.op;
          // A release of frames no other thread names touches no shared part (private-frames.ts).
          const keep = op && OWN_FRAME_OPS.has(op) && ownFramesPrivate(s, t, scratch) ? ~FRAMES : -1;
          const r = (table.stepReads[t]?.[pc] ?? 0) & keep;
          const w = (table.stepWrites[t]?.[pc] ?? 0) & keep;
          s.threads.forEach((th, u) => {
            if (u === t || th.done) return;
            const fr = table.futureReads[u]?.[th.pc] ?? 0;
            const fw = table.futureWrites[u]?.[th.pc] ?? 0;
            const parts = (w & (fr | fw)) | (r & fw) | ((r | fr) & (1 << STATE_PARTS.indexOf('threads')));
            if (parts) bump(`C1 ${op} vs ${programs[u]?.kind}: ${partsOf(parts)}`);
          });
        }
      }
      return candidates;
    },
  };
  const res = explore(machine, { maxStates, por: true, chains: false });
  settle();
  const chained = explore(ringsideMachine(scenario), { maxStates, por: true });
  chainedStates += chained.states;
  chainedTransitions += chained.transitions;
  return res.states;
}
let chainedStates = 0;
let chainedTransitions = 0;

const scenarios = process.argv.includes('--matrix')
  ? matrixRows().flatMap(({ design, bug }) =>
      MM_KINDS.flatMap((event) => {
        const cell = validateScenario(cellScenario(design, event, bug));
        return cell.ok ? cellVariants(cell.scenario, event) : [];
      }),
    )
  : [process.argv.includes('--yardstick') ? yardstick : stress];
const states = scenarios.reduce((n, s) => n + analyse(s), 0);
console.log(`${scenarios.length === 1 ? scenarios[0]?.id : 'matrix'}: states=${states}`);
console.log(`with chains: states=${chainedStates} transitions=${chainedTransitions}`);
for (const [k, v] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(String(v).padStart(9), k);
