import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { BROWSER_MAX_STORE_BYTES } from '../state/explorer';
import { CLI_DEFAULT_MAX_BYTES, type CliIo, EXIT, runCli, toJson } from './cli-core';

const files: Record<string, string> = {
  'bad.json': '{ "format": 1, ',
  'ok.json': JSON.stringify(builtinScenarios[0]),
  'wrong-design.json': JSON.stringify({ ...builtinScenarios[0], design: 'vmap-everything' }),
  'escape-id.json': JSON.stringify({ ...builtinScenarios[0], id: 'a\n\u001b]0;owned\u0007\u001b[2J' }),
  'deep.json': `{"format": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
  'safe.json': JSON.stringify({ ...builtinScenarios.find((s) => s.id === 'copy-user-baseline'), story: [] }),
  'large.json': JSON.stringify({ ...builtinScenarios.find((s) => s.id === 'kmap-seq-large'), story: [] }),
};
const io: CliIo = {
  readFile(path, maxBytes) {
    expect(maxBytes).toBeGreaterThan(0);
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
    expect(out.code).toBe(EXIT.hazard);
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['scenario', 'states', 'transitions', 'depth', 'ms', 'complete', 'hazards']),
    );
    expect(report.scenario).toBe(first?.id);
    expect(report.complete).toBe(true);
    for (const h of report.hazards)
      expect(Object.keys(h).sort()).toEqual(['kind', 'message', 'retries', 'schedule', 'severity', 'step']);
    // Liveness runs on the full graph; the safety search is partial-order reduced, so it stores fewer states.
    expect(report.liveness).toMatchObject({ complete: true });
    expect(report.liveness.states).toBeGreaterThanOrEqual(report.states);
  });

  it('explores every interleaving with --no-por, and fewer states by default', () => {
    const reduced = JSON.parse(runCli([first?.id ?? ''], io).stdout);
    const full = JSON.parse(runCli([first?.id ?? '', '--no-por'], io).stdout);
    expect(reduced.por).toBe(true);
    expect(full.por).toBe(false);
    expect(full.states).toBe(full.liveness.states);
    expect(reduced.states).toBeLessThan(full.states);
    expect(reduced.hazards.map((h: { kind: string }) => h.kind)).toEqual(
      full.hazards.map((h: { kind: string }) => h.kind),
    );
    expect(runCli(['--no-por=1'], io).stderr).toMatch(/^--no-por takes no value/);
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
    expect(out.code).toBe(EXIT.hazard);
    expect(JSON.parse(out.stdout).scenario).toBe(first?.id);
  });

  it('exits 0 only for a complete run without a hazard', { timeout: 60_000 }, () => {
    const out = runCli(['safe.json'], io);
    expect(JSON.parse(out.stdout).hazards.filter((h: { severity: string }) => h.severity === 'hazard')).toEqual([]);
    expect(out.code).toBe(EXIT.clean);
    expect(runCli(['safe.json', '--max-states=5'], io).code).toBe(EXIT.incomplete);
  });

  it('says when the bound stops the run', () => {
    const out = runCli([first?.id ?? '', '--max-states', '5'], io);
    const report = JSON.parse(out.stdout);
    expect(out.code).toBe(EXIT.incomplete);
    expect(report.complete).toBe(false);
    expect(report.result).toBe('incomplete after 5 states: the bound of 5 states was reached');
  });

  it('stops at its byte bound with exit 4 and the usual JSON report', () => {
    // The large built-in: the small one's reduced search now fits in 1 MB.
    const out = runCli(['large.json', '--max-bytes', String(2 ** 20)], io);
    expect(out.code).toBe(EXIT.incomplete);
    const report = JSON.parse(out.stdout);
    expect(report.complete).toBe(false);
    expect(report.result).toMatch(/^incomplete after \d+ states: the memory bound of 1 MB was reached$/);
  });

  it('names a bound under a megabyte in bytes, not as 0 MB', () => {
    const report = JSON.parse(runCli(['safe.json', '--max-bytes', '1000'], io).stdout);
    expect(report.result).toMatch(/the memory bound of 1000 bytes was reached$/);
  });

  it('bounds memory by default as the browser does', () => {
    expect(CLI_DEFAULT_MAX_BYTES).toBe(BROWSER_MAX_STORE_BYTES);
  });

  const bad: [string, string[], RegExp][] = [
    ['a repeated bound', ['x', '--max-states=5', '--max-states=7'], /^--max-states is given twice; /],
    ['a repeated byte bound', ['x', '--max-bytes', '5', '--max-bytes=5'], /^--max-bytes is given twice; /],
    ['a repeated switch', ['--matrix', '--matrix'], /^--matrix is given twice; /],
    ['a byte bound of 0', ['x', '--max-bytes', '0'], /^--max-bytes needs a positive whole number, got "0"/],
    ['a byte bound in another notation', ['x', '--max-bytes=1e9'], /^--max-bytes needs a positive whole number/],
    ['a conflicting scenario and --matrix', ['x', '--matrix'], /^--matrix takes no scenario/],
    ['an unknown id', ['no-such-scenario'], /^unknown scenario id "no-such-scenario" \(built-in ids: /],
    ['a missing file', ['missing.json'], /^cannot read "missing.json": ENOENT/],
    ['malformed JSON', ['bad.json'], /^cannot load "bad.json": scenario: malformed JSON: /],
    ['an invalid field', ['wrong-design.json'], /^invalid scenario "wrong-design.json": .*design.*copy-user/],
    ['no argument', [], /^usage: /],
    ['an unknown option', ['--fast'], /^unknown option "--fast"/],
    ['a bad bound', ['x', '--max-states', '-3'], /^--max-states needs a positive whole number, got "-3"/],
    ['a bound without its value', ['x', '--max-states'], /^--max-states needs a value/],
    ['a bound followed by a flag', ['--matrix', '--max-states', '--table'], /^--max-states needs a value/],
    ['an id with escape codes', ['a\u001b[2J\nb'], /^unknown scenario id "a\\u001b\[2J\\u000ab" /],
    [
      'a file with escape codes in its id',
      ['escape-id.json'],
      /^invalid scenario "escape-id.json": id: got "a\\u000a\\u001b\]0;owned\\u0007/,
    ],
    [
      'JSON nested 5,000 deep',
      ['deep.json'],
      /^cannot load "deep.json": scenario: JSON nested deeper than 8 levels\.\n$/,
    ],
  ];
  it.each(bad)('exits 2 with one line on stderr for %s', (_what, args, message) => {
    const out = runCli(args, io);
    expect(out.code).toBe(EXIT.badInput);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.slice(0, -1)).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
    expect(out.stderr.endsWith('\n')).toBe(true);
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
