import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { largestScenario } from './bench/scenarios';

/**
 * Peak memory of the real explore command (`tsx scripts/explore.ts`) on the largest scenario the validator accepts,
 * with `--max-states` near its maximum, so that only the byte bound (`--max-bytes`, 96 MB by default) can stop it.
 * Prints the exit code, the report's result line, the wall time and the peak RSS that `/usr/bin/time -v` measured.
 */
const largest = largestScenario();
if (!existsSync('/usr/bin/time')) throw new Error('this benchmark needs /usr/bin/time (GNU time) for the peak RSS');

const dir = mkdtempSync(join(tmpdir(), 'ringside-bench-'));
const path = join(dir, 'largest.json');
writeFileSync(path, JSON.stringify(largest));
const extra = process.argv.slice(2);

function run(label: string, args: string[]): void {
  const command = [process.execPath, '--import', 'tsx', 'scripts/explore.ts', path, ...args];
  const started = performance.now();
  const out = spawnSync('/usr/bin/time', ['-v', ...command], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(out.stderr)?.[1] ?? Number.NaN);
  let result = '(no JSON report)';
  try {
    result = (JSON.parse(out.stdout) as { result: string }).result;
  } catch {}
  console.log(`${label}: exit ${out.status}, ${seconds} s, peak RSS ${(rssKb / 1024).toFixed(0)} MB; ${result}`);
}

console.log(`load average ${loadavg()[0]?.toFixed(2)}; ${largest.id}: kmap-seq, 4 rounds, ring 1024, 4 mm`);
try {
  const bound = extra.length > 0 ? extra.join(' ') : 'default --max-bytes (96 MB)';
  run(`${bound}, --no-por`, ['--max-states', '9999999999', '--no-por', ...extra]);
  run(`${bound}, with POR`, ['--max-states', '9999999999', ...extra]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
