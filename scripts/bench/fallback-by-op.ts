// Which ops take the packed machine's object fallback, and how often (issue 20): explores every matrix cell and its
// variants (or the bench's stress scenario with `--stress`; safety only, reduction off unless `--por`) and counts each
// fallback transition by the op of the stepping thread. Not part of the product: the counter wraps the machine here,
// not in its hot path.

import { explore } from '../../src/core/explore/engine/engine';
import type { Machine } from '../../src/core/explore/engine/machine';
import { cellScenario, cellVariants, matrixRows } from '../../src/core/explore/matrix/matrix';
import { packedRingsideMachine } from '../../src/core/explore/ringside/packed-machine';
import { MM_KINDS, validateScenario } from '../../src/core/index';
import { programsOf } from '../../src/core/programs/compile';
import { W } from '../../src/core/schema/state-words';
import type { Scenario } from '../../src/core/types';
import { stress } from './scenarios';

const por = process.argv.includes('--por');
const byOp = new Map<string, number>();
let words = 0;
let fallback = 0;

function counted(scenario: Scenario): Machine<Int32Array> {
  const inner = packedRingsideMachine(scenario);
  const programs = programsOf(scenario);
  return {
    ...inner,
    step(state, t) {
      const op = programs[t]?.instrs[W.threads.pc.get(state, t)]?.op ?? '?';
      const before = inner.stats.fallback;
      const r = inner.step(state, t);
      if (inner.stats.fallback === before) words += 1;
      else {
        fallback += 1;
        byOp.set(op, (byOp.get(op) ?? 0) + 1);
      }
      return r;
    },
  };
}

if (process.argv.includes('--stress')) explore(counted(stress), { por, maxStates: 2_000_000 });
else {
  for (const { design, bug } of matrixRows()) {
    for (const event of MM_KINDS) {
      const valid = validateScenario(cellScenario(design, event, bug));
      if (!valid.ok) continue;
      for (const v of cellVariants(valid.scenario, event)) explore(counted(v), { por, maxStates: 2_000_000 });
    }
  }
}
const total = words + fallback;
console.log(
  `${process.argv.includes('--stress') ? 'stress' : 'matrix'} por=${por ? 'on' : 'off'}: transitions=${total} fallback=${fallback} (${((100 * fallback) / total).toFixed(1)}%)`,
);
for (const [op, n] of [...byOp].sort((a, b) => b[1] - a[1]))
  console.log(`${op.padEnd(28)} ${String(n).padStart(8)} ${((100 * n) / total).toFixed(2)}%`);
