import { cpuSeconds, measureScenario } from './measure';
import { stress, yardstick } from './scenarios';

/**
 * Run in a fresh node process by scripts/bench.ts (as dist-node/scenario-fresh.cjs), the way Spin's pan runs: one
 * scenario's search alone in the built bundle the CLI runs, its CPU counted from the process's start (node's own
 * start and loading the bundle included). Prints its figures as one JSON line.
 * Arguments: `stress` or `yardstick`, `--no-por`, `--max-states N`.
 */
const args = process.argv.slice(2);
const name = args.includes('yardstick') ? 'yardstick' : 'stress';
const at = args.indexOf('--max-states');
const maxStates = at >= 0 ? Number(args[at + 1]) : 6_000_000;
const figures = measureScenario(name, name === 'stress' ? stress : yardstick, !args.includes('--no-por'), maxStates);
const cpuS = cpuSeconds();
console.log(JSON.stringify({ ...figures, cpuS, statesPerCpuS: figures.states / cpuS, fresh: true }));
