import { describe, expect, it } from 'vitest';
import { exportPromela } from '../core/spin/promela-export';
import type { Scenario } from '../core/types';
import { builtinScenarios } from '../scenarios';
import { type CliIo, EXIT, runCli } from './cli-core';
import type { SpinIo } from './cli-spin';

const META = { ringsideVersion: 't', modelVersion: 't', link: '?' };
const model = (id: string) => {
  const r = exportPromela(builtinScenarios.find((s) => s.id === id) as Scenario, META);
  return r.ok ? r.text : '';
};
const files: Record<string, string> = {
  'good.pml': model('rmb-reorder'),
  'good.pml.trail': '-2:2:-2\n-4:-4:-4\n1:0:45\n',
  'junk.pml': model('rmb-reorder'),
  'junk.pml.trail': 'not a trail\n',
  'other.pml': model('gup-munmap-uaf'),
  'other.pml.trail': '1:0:45\n',
  'old.pml': model('rmb-reorder').replace('/* Ringside Promela export */', '/* something else */'),
  'old.pml.trail': '1:0:45\n',
  'two-vq-vmap.json': JSON.stringify({ ...builtinScenarios.find((s) => s.id === 'vmap-lazy-tlb'), vqs: 2 }),
};
const readFile = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error('ENOENT');
  return text;
};
const spin = (overrides: Partial<SpinIo> = {}): SpinIo => ({
  promela: (s) => exportPromela(s, META),
  link: () => 'http://link',
  writeFile: () => undefined,
  readFile,
  missing: () => null,
  replay: () => '  RS 1 0\n',
  check: () => {
    throw new Error('not in this test');
  },
  ...overrides,
});
const io = (s?: SpinIo): CliIo => ({ readFile, builtins: builtinScenarios, ...(s ? { spin: s } : {}) });
const oneLine = (stderr: string) => {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat \w+ \(/);
};

describe('explore CLI: Spin', () => {
  it('prints the Promela model of a scenario', () => {
    const out = runCli(['rmb-reorder', '--promela'], io(spin()));
    expect(out.code).toBe(EXIT.clean);
    expect(out.stdout.startsWith('/* Ringside Promela export */')).toBe(true);
  });

  it('refuses, in one line with exit 2, a trail that is not a trail, of another scenario or beside another file', () => {
    for (const [args, message] of [
      [['rmb-reorder', '--spin-trail', 'junk.pml.trail'], /is not a Spin trail: line 1/],
      [['rmb-reorder', '--spin-trail', 'other.pml.trail'], /for scenario "gup-munmap-uaf", not "rmb-reorder"/],
      [['rmb-reorder', '--spin-trail', 'old.pml.trail'], /not a Ringside Promela export/],
      [['rmb-reorder', '--spin-trail', 'missing.pml.trail'], /cannot read/],
      [['rmb-reorder', '--spin-trail', 'good.pml.trail'], /ends before any hazard/],
    ] as const) {
      const out = runCli(args, io(spin()));
      expect(out.code, args.join(' ')).toBe(EXIT.badInput);
      expect(out.stderr).toMatch(message);
      oneLine(out.stderr);
    }
  });

  it('says how to install Spin when it is missing', () => {
    const out = runCli(
      ['rmb-reorder', '--spin'],
      io(spin({ missing: () => 'spin is not installed: run `apt-get install -y spin gcc` (as root)' })),
    );
    expect(out.code).toBe(EXIT.internalError);
    expect(out.stderr).toMatch(/apt-get install -y spin gcc/);
    oneLine(out.stderr);
  });

  it('refuses a scenario with ops not yet in Promela, and the Spin commands without their I/O', () => {
    // The vmap ops know one virtqueue only: the RFC V2 story with a second vq cannot be exported yet.
    const out = runCli(['two-vq-vmap.json', '--promela'], io(spin()));
    expect(out.code).toBe(EXIT.badInput);
    expect(out.stderr).toMatch(/cannot export vmap-lazy-tlb: not yet translated to Promela: .*vaccess/);
    oneLine(out.stderr);
    expect(runCli(['rmb-reorder', '--spin'], io()).code).toBe(EXIT.badInput);
  });
});
