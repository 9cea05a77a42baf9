import { readFileSync } from 'node:fs';
import { runCli } from '../src/core/explore/cli-core';
import { builtinScenarios } from '../src/scenarios';

const out = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  builtins: builtinScenarios,
});
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
process.exitCode = out.code;
