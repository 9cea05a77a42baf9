import { startWorkersEarly } from '../pool/worker-start';

/**
 * matrix-cold's first import: its pool's worker threads start before the rest of the bundle is evaluated, so they
 * boot while this thread loads its own code (the pool takes them). `--workers N` as in matrix-cold.ts.
 */
const at = process.argv.indexOf('--workers');
startWorkersEarly(at > 0 ? Number(process.argv[at + 1]) : undefined);
