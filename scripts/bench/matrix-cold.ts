import { createMatrixPool } from '../pool/matrix-pool';
import { matrixLine } from './measure';

/**
 * Run in a fresh node process by scripts/bench.ts (as dist-node/matrix-cold.mjs): the first matrix is cold and
 * counted from the process's start (loading the code, worker threads starting, V8 still compiling), the second
 * warm on the same pool. `--workers N` sizes the pool (default: the cores).
 */
const por = !process.argv.includes('--no-por');
const at = process.argv.indexOf('--workers');
const pool = createMatrixPool(at > 0 ? Number(process.argv[at + 1]) : undefined);
console.log(await matrixLine('cold', por, pool, true));
console.log(await matrixLine('warm', por, pool));
await pool.close();
