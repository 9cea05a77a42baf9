import { matrixLine } from './measure';

/** Run in a fresh node process by scripts/bench.ts: the first matrix is cold (V8 still compiling), the second warm. */
const por = !process.argv.includes('--no-por');
console.log(matrixLine('cold', por));
console.log(matrixLine('warm', por));
