// Profiling target (node --cpu-prof): the yardstick scenario, no reduction, safety only.
import { explore } from '../../src/core/explore/engine/engine';
import { searchMachine } from '../../src/core/explore/ringside/ringside';
import { cpuSeconds } from './measure';
import { stress, yardstick } from './scenarios';

const scenario = process.argv.includes('--stress') ? stress : yardstick;
const maxStates = Number(process.argv[process.argv.indexOf('--max-states') + 1]) || 400_000;
const cpu0 = cpuSeconds();
const r = explore(searchMachine(scenario), { maxStates, por: false });
const cpuS = cpuSeconds() - cpu0;
console.log(
  `${scenario.id}: states=${r.states} transitions=${r.transitions} cpu_s=${cpuS.toFixed(2)} states_per_cpu_s=${Math.round(r.states / cpuS)} complete=${r.complete}`,
);
