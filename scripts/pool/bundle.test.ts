import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exploreMatrix } from '../../src/core/explore/matrix/matrix';

const node = (...args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 240_000 });

// The command `npm run explore` runs: the built bundle, whose pool starts the built worker (no tsx anywhere).
describe('the bundled command line (dist-node/)', { timeout: 300_000 }, () => {
  it('builds, and its pooled matrix equals the single-threaded matrix of the sources cell by cell', () => {
    const build = node('scripts/build-node.mjs', '--force');
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const run = node('dist-node/explore.cjs', '--matrix', '--max-states', '300');
    expect(run.stderr).toBe('');
    const bundled = JSON.parse(run.stdout) as ReturnType<typeof exploreMatrix>;
    const single = exploreMatrix({ maxStates: 300 });
    expect(bundled.cells).toEqual(single.cells);
    expect(bundled.cells.some((c) => !c.complete)).toBe(true);
  });
});
