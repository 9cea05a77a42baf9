// Bundles the command-line entries and the matrix pool's worker into plain JavaScript (dist-node/), so a fresh
// process and each worker thread load one file instead of registering tsx and transpiling the sources.
// `node scripts/build-node.mjs` rebuilds only when a source the last build read is newer than the build.
// The bundles are CommonJS (.cjs): the same bundle as an ES module cost each isolate about 45 ms more CPU in a cold
// matrix (docs/performance.md, cold4), so the entries use no top-level await.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-node`;
const metafile = `${outdir}/meta.json`;

/** Entry name → source; the pool finds its worker as `cell-worker.cjs` next to the bundle that starts it. */
export const ENTRIES = {
  explore: 'scripts/explore.ts',
  'matrix-cold': 'scripts/bench/matrix-cold.ts',
  'cell-worker': 'scripts/pool/cell-worker.ts',
  'scenario-fresh': 'scripts/bench/scenario-fresh.ts',
};

/** True when the last build exists, had these entries, and no source it read changed since. */
function upToDate() {
  let meta;
  try {
    meta = JSON.parse(readFileSync(metafile, 'utf8'));
  } catch {
    return false;
  }
  if (JSON.stringify(meta.entries) !== JSON.stringify(ENTRIES)) return false;
  const built = statSync(metafile).mtimeMs;
  const newer = (path) => statSync(`${root}${path}`, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY;
  return [...meta.inputs, 'scripts/build-node.mjs', 'package-lock.json'].every((path) => newer(path) < built);
}

/** Builds dist-node/ unless it is up to date; returns the seconds the build took (0 when skipped). */
export async function buildNode({ force = false } = {}) {
  if (!force && upToDate()) return 0;
  const started = performance.now();
  const { build } = await import('esbuild');
  const { writeFileSync } = await import('node:fs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // The pool starts `cell-worker.cjs` from the bundle instead of the TypeScript through tsx; `import.meta.url`
    // (which CommonJS lacks) is the bundle's own file URL.
    define: { 'process.env.RINGSIDE_BUNDLE': '"1"', 'import.meta.url': 'bundleUrl' },
    // Strict, as the ES modules it is built from (the directive must come first, before the banner's statement).
    banner: { js: '"use strict";\nconst bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
  writeFileSync(metafile, JSON.stringify({ entries: ENTRIES, inputs }));
  return (performance.now() - started) / 1000;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seconds = await buildNode({ force: process.argv.includes('--force') });
  if (!process.argv.includes('--quiet'))
    console.log(seconds > 0 ? `dist-node built in ${seconds.toFixed(2)} s` : 'dist-node is up to date');
}
