// Which ops take the packed machine's object fallback, counted per op over the whole matrix (every cell and variant)
// and the stress scenario, reduction off. The count wraps the machine from outside: production code is untouched.

import { explore } from '../../src/core/explore/engine/engine';
import { cellScenario, cellVariants, matrixRows } from '../../src/core/explore/matrix/matrix';
import { packedRingsideMachine } from '../../src/core/explore/ringside/packed-machine';
import { MM_KINDS, validateScenario } from '../../src/core/index';
import { W } from '../../src/core/schema/state-words';
import { modelOf } from '../../src/core/step';
import type { Scenario } from '../../src/core/types';
import { stress } from './scenarios';

function count(scenarios: Iterable<Scenario>, byOp: Map<string, number>): { words: number; fallback: number } {
  const total = { words: 0, fallback: 0 };
  for (const scenario of scenarios) {
    const machine = packedRingsideMachine(scenario);
    const { programs } = modelOf(scenario);
    const step = machine.step.bind(machine);
    machine.step = (state, t) => {
      const before = machine.stats.fallback;
      const op = programs[t]?.instrs[W.threads.pc.get(state, t)]?.op ?? '?';
      const r = step(state, t);
      if (machine.stats.fallback > before) byOp.set(op, (byOp.get(op) ?? 0) + 1);
      return r;
    };
    explore(machine, { por: false, maxStates: 3_000_000 });
    total.words += machine.stats.words;
    total.fallback += machine.stats.fallback;
  }
  return total;
}

function* matrixVariants(): Generator<Scenario> {
  for (const { design, bug } of matrixRows())
    for (const event of MM_KINDS) {
      const valid = validateScenario(cellScenario(design, event, bug));
      if (valid.ok) yield* cellVariants(valid.scenario, event);
    }
}

for (const [name, scenarios] of [
  ['matrix', matrixVariants()],
  ...(process.argv.includes('--stress') ? [['stress', [stress]] as const] : []),
] as const) {
  const byOp = new Map<string, number>();
  const { words, fallback } = count(scenarios, byOp);
  const all = words + fallback;
  console.log(`fallback ${name}: ${fallback} of ${all} transitions (${((100 * fallback) / all).toFixed(1)}%)`);
  for (const [op, n] of [...byOp].sort((a, b) => b[1] - a[1]))
    console.log(`  ${op.padEnd(24)} ${String(n).padStart(9)} ${((100 * n) / all).toFixed(2)}%`);
}
