import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PanVerdict, parsePanOutput } from '../../src/core/spin/pan-output';

/** The one command that installs what the Spin tests and `--spin` need (Debian; .ci/run runs it). */
export const INSTALL_SPIN = 'apt-get install -y spin gcc';

/** Whether spin and gcc can be run; a string is the one line that says what is missing and how to install it. */
export function spinMissing(): string | null {
  for (const tool of ['spin', 'gcc']) {
    const r = spawnSync(tool, [tool === 'spin' ? '-V' : '--version'], { encoding: 'utf8' });
    if (r.error || r.status !== 0) return `${tool} is not installed: run \`${INSTALL_SPIN}\` (as root)`;
  }
  return null;
}

export type PanMode = 'safety' | 'safety-noreduce' | 'liveness';

export interface PanRun extends PanVerdict {
  mode: PanMode;
  cpuS: number;
  output: string;
  /** The first counterexample's trail, when `keepTrail` asked for one and pan wrote it. */
  trail?: string;
}

const CFLAGS: Record<PanMode, string[]> = {
  safety: ['-DSAFETY'],
  'safety-noreduce': ['-DSAFETY', '-DNOREDUCE'],
  liveness: ['-DNP'],
};

export interface SpinOptions {
  /** Search depth bound (-m); every step of a Ringside run is one transition. */
  depth?: number;
  /** Hash table size as a power of two (-w). */
  hashBits?: number;
  /** Extra compiler flags (-DBITSTATE, -DNCORE=2, -DMEMLIM=...). */
  cflags?: string[];
  /** gcc's optimisation: -O0 compiles small models fastest; -O2 for large searches. */
  optimise?: string;
  /** Ask pan for the first counterexample's trail (`-e` off: pan writes the first one). */
  keepTrail?: boolean;
}

/** pan's arguments: a liveness run looks only for non-progress cycles, assertions and end states are the safety runs'. */
function panArgs(mode: PanMode, options: SpinOptions): string[] {
  return [
    ...(mode === 'liveness' ? ['-l', '-f', '-A', '-E'] : ['-c0']),
    `-m${options.depth ?? 100000}`,
    `-w${options.hashBits ?? 20}`,
  ];
}

/** One shell script that builds pan for `mode` and runs it; bash's `times` before and after pan give pan's CPU time. */
function panScript(mode: PanMode, options: SpinOptions): string {
  const spin = `spin ${mode === 'liveness' ? '-DPROGRESS ' : ''}-a model.pml >&2`;
  const cflags = [...CFLAGS[mode], '-DVECTORSZ=4096', ...(options.cflags ?? [])];
  const gcc = `gcc ${options.optimise ?? '-O0'} -w ${cflags.join(' ')} -o pan pan.c`;
  // -c0 prints every violation it meets: strip the counters and depths and keep each distinct line once.
  const pan = `./pan ${panArgs(mode, options).join(' ')} 2>&1 | sed -E 's/^pan:[0-9]+: /pan: /; s/ \\(at depth [0-9]+\\)//' | awk '!seen[$0]++'`;
  return `set -e; ${spin}; ${gcc}; set +e; times; ${pan}; times`;
}

function panRun(mode: PanMode, status: number | null, output: string, stderr: string): PanRun {
  if (status !== 0)
    throw new Error(`spin or gcc failed on the model: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  // `times` prints the shell's own times, then its children's: the children's before pan and after it.
  const children = [...output.matchAll(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/g)]
    .filter((_, i) => i % 2 === 1)
    .map((t) => 60 * Number(t[1]) + Number(t[2]) + 60 * Number(t[3]) + Number(t[4]));
  const [before, after] = children.slice(-2);
  const cpuS = before !== undefined && after !== undefined ? after - before : Number.NaN;
  return { mode, cpuS, output, ...parsePanOutput(output) };
}

/** Builds pan for `mode` from the model text and runs it; throws only when spin or gcc fail on the model. */
export function runPan(model: string, mode: PanMode, options: SpinOptions = {}): PanRun {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-spin-'));
  try {
    writeFileSync(join(dir, 'model.pml'), model);
    const script = panScript(mode, options);
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const run = panRun(mode, r.status, r.stdout ?? '', r.stderr ?? '');
    // -c0 writes no trail: a second run stops at the first counterexample and writes model.pml.trail.
    if (options.keepTrail && mode !== 'liveness' && run.errors > 0)
      spawnSync(
        './pan',
        panArgs(mode, options).filter((a) => a !== '-c0'),
        { cwd: dir, stdio: 'ignore' },
      );
    const trailFile = join(dir, 'model.pml.trail');
    const trail = options.keepTrail && existsSync(trailFile) ? readFileSync(trailFile, 'utf8') : undefined;
    return { ...run, ...(trail === undefined ? {} : { trail }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `runPan` without blocking: several builds and searches can share the machine's cores (no trail). */
export async function runPanAsync(model: string, mode: PanMode, options: SpinOptions = {}): Promise<PanRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ringside-spin-'));
  try {
    await writeFile(join(dir, 'model.pml'), model);
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'bash',
        ['-c', panScript(mode, options)],
        { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
        (e, stdout, stderr) => resolve({ status: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr }),
      );
    });
    return panRun(mode, r.status, r.stdout, r.stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `spin -t` of a trail against a model, in a scratch folder: Spin's standard output (the `RS` lines among it). */
export function replayTrail(model: string, trail: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-trail-'));
  try {
    writeFileSync(join(dir, 'model.pml'), model);
    writeFileSync(join(dir, 'model.pml.trail'), trail);
    const r = spawnSync('spin', ['-t', '-k', 'model.pml.trail', 'model.pml'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    return `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
