import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Builds pan for `mode` from the model text and runs it; throws only when spin or gcc fail on the model. */
export function runPan(model: string, mode: PanMode, options: SpinOptions = {}): PanRun {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-spin-'));
  try {
    writeFileSync(join(dir, 'model.pml'), model);
    execFileSync('spin', [...(mode === 'liveness' ? ['-DPROGRESS'] : []), '-a', 'model.pml'], {
      cwd: dir,
      stdio: 'pipe',
    });
    const cflags = [...CFLAGS[mode], '-DVECTORSZ=4096', ...(options.cflags ?? [])];
    execFileSync('gcc', [options.optimise ?? '-O0', '-w', ...cflags, '-o', 'pan', 'pan.c'], {
      cwd: dir,
      stdio: 'pipe',
    });
    const args = [
      // A liveness run looks only for non-progress cycles: assertions and end states are the safety runs' job.
      ...(mode === 'liveness' ? ['-l', '-f', '-A', '-E'] : ['-c0']),
      `-m${options.depth ?? 100000}`,
      `-w${options.hashBits ?? 20}`,
    ];
    // -c0 prints every violation it meets: strip the counters and depths and keep each distinct line once.
    const script = `./pan ${args.join(' ')} 2>&1 | sed -E 's/^pan:[0-9]+: /pan: /; s/ \\(at depth [0-9]+\\)//' | awk '!seen[$0]++'; times`;
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const output = r.stdout ?? '';
    const times = [...output.matchAll(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/g)].at(-1);
    const cpuS = times
      ? 60 * Number(times[1]) + Number(times[2]) + 60 * Number(times[3]) + Number(times[4])
      : Number.NaN;
    const verdict = parsePanOutput(output);
    // -c0 writes no trail: a second run stops at the first counterexample and writes model.pml.trail.
    if (options.keepTrail && mode !== 'liveness' && verdict.errors > 0)
      spawnSync(
        './pan',
        args.filter((a) => a !== '-c0'),
        { cwd: dir, stdio: 'ignore' },
      );
    const trailFile = join(dir, 'model.pml.trail');
    const trail = options.keepTrail && existsSync(trailFile) ? readFileSync(trailFile, 'utf8') : undefined;
    return { mode, cpuS, output, ...verdict, ...(trail === undefined ? {} : { trail }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
