import { writeFileSync } from 'node:fs';
import type { SpinIo } from '../../src/cli/cli-spin';
import type { Scenario } from '../../src/core/types';
import { CLI_LINK_BASE, promelaFile, scenarioLink } from '../../src/spin/promela-file';
import { replayTrail, runPan, spinMissing } from './run-spin';

/** Spin's knobs for a large model: -O2 (the search outweighs the compile), a deep stack and a large hash table. */
const LARGE = { optimise: '-O2', depth: 1_000_000, hashBits: 24 };

/** The Node side of the explore command's Spin I/O. */
export function nodeSpinIo(catalog: readonly Scenario[], readFile: (path: string, maxBytes: number) => string): SpinIo {
  return {
    promela: (scenario) => promelaFile(scenario, catalog, CLI_LINK_BASE),
    link: (scenario, schedule) => scenarioLink(scenario, schedule, catalog, CLI_LINK_BASE),
    writeFile: (path, text) => writeFileSync(path, text),
    readFile,
    missing: spinMissing,
    replay: replayTrail,
    check(model, mode, bitstate) {
      const cflags = bitstate ? ['-DBITSTATE'] : [];
      return runPan(model, mode, { ...LARGE, cflags, keepTrail: true });
    },
  };
}
