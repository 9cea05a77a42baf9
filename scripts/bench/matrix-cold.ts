// First: the pool's workers start while the rest of this bundle loads.
import './matrix-cold-start';
import type { CellBounds } from '../pool/cell-protocol';
import { createMatrixPool } from '../pool/matrix-pool';
import { MatrixTimeline } from '../pool/timeline';
import { matrixLine } from './measure';

/**
 * Run in a fresh node process by scripts/bench.ts (as dist-node/matrix-cold.cjs): the first matrix is cold and
 * counted from the process's start (loading the code, worker threads starting, V8 still compiling), the second
 * warm on the same pool. `--workers N` sizes the pool (default: the cores); `--timeline` prints on stderr where the
 * cold matrix's time went, lane by lane (milliseconds since the process started).
 */
async function main(): Promise<void> {
  const por = !process.argv.includes('--no-por');
  const at = process.argv.indexOf('--workers');
  const timeline = process.argv.includes('--timeline') ? new MatrixTimeline() : undefined;
  const pool = createMatrixPool(at > 0 ? Number(process.argv[at + 1]) : undefined);
  const timed = { ...pool, explore: (bounds: CellBounds) => pool.explore(bounds, timeline) };
  console.log(await matrixLine('cold', por, timed, true));
  if (timeline) console.error(['cold timeline, ms since the process started:', ...timeline.lines()].join('\n  '));
  console.log(await matrixLine('warm', por, pool));
  await pool.close();
}

// A reader that stops early (`| head -1`) closes the pipe; the lines it did not read are then no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
// No top-level await: the bundle is CommonJS (scripts/build-node.mjs).
void main();
