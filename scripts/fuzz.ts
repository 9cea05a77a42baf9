import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fuzzSurface, type SurfaceReport } from '../src/fuzz/harness';
import { SURFACES } from '../src/fuzz/surfaces';
import { cliProcess, dir } from './fuzz-cli-process';

/**
 * `npm run fuzz [-- --runs N] [--seed S]`: N generated inputs per surface (scaled by its weight), then one line per
 * surface with how each input ended. Exits 1 if any input made a door throw, hang or print a broken message.
 */
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const value = Number(process.argv[at + 1]);
  return at >= 0 && Number.isInteger(value) && value > 0 ? value : fallback;
};
const runs = flag('--runs', 20_000);
const seed = flag('--seed', Date.now() % 1_000_000);

const fmt = (n: number) => n.toLocaleString('en-US');
const summary = (r: SurfaceReport) =>
  `${r.name}: ${fmt(r.inputs)} inputs → ${Object.entries(r.outcomes)
    .sort(([, a], [, b]) => b - a)
    .map(([label, n]) => `${label} ${fmt(n)}`)
    .join(', ')}; exceptions ${r.exceptions}, hangs ${r.hangs}, broken messages ${r.badMessages}; ` +
  `slowest ${r.slowestMs.toFixed(1)} ms, longest message ${fmt(r.longestMessage)} characters` +
  (r.firstFailure ? `\n  first failure: ${r.firstFailure}` : '');

console.log(`fuzz: ${fmt(runs)} runs per surface, seed ${seed}, load average ${loadavg()[0]?.toFixed(2)}`);
let failures = 0;
const started = performance.now();
try {
  for (const surface of [...SURFACES, cliProcess]) {
    const report = fuzzSurface(surface, Math.max(1, Math.round(runs * (surface.weight ?? 1))), seed);
    failures += report.exceptions + report.hangs + report.badMessages;
    console.log(summary(report));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${failures === 0 ? 'no' : failures} failures in ${fmt(Math.round((performance.now() - started) / 1000))} s`,
);
process.exitCode = failures === 0 ? 0 : 1;
