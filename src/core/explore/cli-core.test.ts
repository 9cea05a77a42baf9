import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { type CliIo, runCli, toJson } from './cli-core';

const files: Record<string, string> = {
  'bad.json': '{ "format": 1, ',
  'ok.json': JSON.stringify(builtinScenarios[0]),
  'wrong-design.json': JSON.stringify({ ...builtinScenarios[0], design: 'vmap-everything' }),
};
const io: CliIo = {
  readFile(path) {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  },
  builtins: builtinScenarios,
};
const first = builtinScenarios[0];

describe('explore CLI core', () => {
  it('prints one JSON report for a built-in id', () => {
    const out = runCli([first?.id ?? ''], io);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['scenario', 'states', 'transitions', 'depth', 'ms', 'complete', 'hazards']),
    );
    expect(report.scenario).toBe(first?.id);
    expect(report.complete).toBe(true);
    for (const h of report.hazards)
      expect(Object.keys(h).sort()).toEqual(['kind', 'message', 'retries', 'schedule', 'severity', 'step']);
    expect(report.liveness).toMatchObject({ complete: true, states: report.states });
  });

  it('reports liveness beside safety: seq/count spins only under an unfair scheduler', () => {
    const report = JSON.parse(runCli(['gup-munmap-seq-retry'], io).stdout);
    expect(report.hazards).toEqual([]);
    const { noFairness, weakFairness } = report.liveness;
    expect(weakFairness.verdict).toBe('live');
    expect(noFairness.verdict).toBe('violated');
    expect(noFairness.loop.every((t: number) => t === 0)).toBe(true);
    expect(noFairness.retriesPerLoop).toBe(1);
    expect(noFairness.message).toContain('munmap / MADV_DONTNEED could step at every point of the loop and never does');
  });

  it('reads a scenario file by path', () => {
    const out = runCli(['ok.json'], io);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).scenario).toBe(first?.id);
  });

  it('says when the bound stops the run', () => {
    const report = JSON.parse(runCli([first?.id ?? '', '--max-states', '5'], io).stdout);
    expect(report.complete).toBe(false);
    expect(report.result).toBe('incomplete after 5 states: the bound of 5 states was reached');
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown id', ['no-such-scenario'], /^unknown scenario id 'no-such-scenario' \(built-in ids: /],
    ['a missing file', ['missing.json'], /^cannot read missing.json: ENOENT/],
    ['malformed JSON', ['bad.json'], /^malformed JSON in bad.json: /],
    ['an invalid field', ['wrong-design.json'], /^invalid scenario wrong-design.json: .*design.*copy-user/],
    ['no argument', [], /^usage: /],
    ['an unknown option', ['--fast'], /^unknown option --fast/],
    ['a bad bound', ['x', '--max-states', '-3'], /^--max-states needs a positive integer, got '-3'/],
  ];
  it.each(bad)('exits 2 with one line on stderr for %s', (_what, args, message) => {
    const out = runCli(args, io);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('toJson', () => {
  it('keeps flat lists on one line and round-trips', () => {
    const value = { schedule: [0, 1, -1], kinds: ['a, b', 'c'], nested: [{ x: [2] }], empty: [] };
    const text = toJson(value);
    expect(text).toContain('"schedule": [0, 1, -1]');
    expect(text).toContain('"kinds": ["a, b", "c"]');
    expect(JSON.parse(text)).toEqual(value);
  });
});
