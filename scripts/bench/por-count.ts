// Kept states of the reduced search on stress, the yardstick and the matrix (issue 20, item 2); not part of the product.
import { explore } from '../../src/core/explore/engine/engine';
import { cellScenario, cellVariants, matrixRows } from '../../src/core/explore/matrix/matrix';
import { searchMachine } from '../../src/core/explore/ringside/ringside';
import { MM_KINDS, validateScenario } from '../../src/core/index';
import type { Scenario } from '../../src/core/types';
import { stress, yardstick } from './scenarios';

const matrix: Scenario[] = matrixRows().flatMap(({ design, bug }) =>
  MM_KINDS.flatMap((event) => {
    const cell = validateScenario(cellScenario(design, event, bug));
    return cell.ok ? cellVariants(cell.scenario, event) : [];
  }),
);
const chains = !process.argv.includes('--no-chains');
const which = process.argv.includes('--stress')
  ? [stress]
  : process.argv.includes('--yardstick')
    ? [yardstick]
    : matrix;
let [full, kept, cpu, steps] = [0, 0, 0, 0];
for (const s of which) {
  const off = explore(searchMachine(s), { por: false });
  const c0 = process.cpuUsage();
  const on = explore(searchMachine(s), { chains });
  const c = process.cpuUsage(c0);
  cpu += (c.user + c.system) / 1e6;
  full += off.states;
  kept += on.states;
  steps += on.transitions;
}
console.log(
  `kept ${kept} of ${full} (${((100 * kept) / full).toFixed(1)}%), transitions ${steps}, CPU ${cpu.toFixed(2)} s`,
);
