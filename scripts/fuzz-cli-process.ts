import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Outcome } from '../src/fuzz/harness';
import { scenarioText } from '../src/fuzz/scenario-arbitraries';
import { MAX_MESSAGE, surface } from '../src/fuzz/surfaces';

/** Bad files as a user hands them to the real command: spliced JSON, binary junk, oversized or oddly named. */
const fileCase = fc.record({
  text: fc.oneof(
    scenarioText,
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
    fc.constant('{"format":1,"id":"huge","design":"kmap-seq","bugs":['.padEnd(300_000, '"no-smp-rmb",')),
  ),
  name: fc.oneof(
    fc.constant('scenario.json'),
    fc.string({ unit: 'binary', maxLength: 12 }).map((s) => `${s}.json`),
  ),
  maxStates: fc.constantFrom('2000', '', '-1', '1e3'),
  maxBytes: fc.constantFrom<string[]>([], ['--max-bytes', '1000000'], ['--max-bytes', '1'], ['--max-bytes=0']),
});

export const dir = mkdtempSync(join(tmpdir(), 'ringside-fuzz-'));
let files = 0;

/** The CLI as a process: any exit other than 0, 2, 3 or 4, or more than one stderr line, is a crash. */
export const cliProcess = surface({
  name: 'CLI (real process, bad files)',
  arbitrary: fileCase,
  prepare: ({ text, name, maxStates, maxBytes }) => {
    const path = join(dir, `${files++}-${name.replace(/[/\0]/g, '_')}`);
    writeFileSync(path, text, 'latin1');
    const bound = maxStates ? ['--max-states', maxStates] : ['--max-states'];
    return ['scripts/explore.ts', path, ...maxBytes, ...bound];
  },
  run: (args): Outcome => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', timeout: 60_000 });
    const lines = run.stderr === '' ? [] : run.stderr.replace(/\n$/, '').split('\n');
    if (run.status === null || ![0, 2, 3, 4].includes(run.status) || lines.length > 1)
      throw new Error(`crash: exit ${run.status ?? run.signal}, ${lines.length} stderr lines`);
    return { label: `exit ${run.status}`, messages: lines };
  },
  hangMs: 30_000,
  maxMessageLength: MAX_MESSAGE,
  weight: 0.002,
});
