import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/cli-core';
import { MAX_SCENARIO_FILE_BYTES } from '../src/core/guard/limits';

/** The real command a user runs (tsx scripts/explore.ts), on real files. */
const dir = mkdtempSync(join(tmpdir(), 'ringside-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
function explore(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/explore.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
function expectOneSafeLine(stderr: string) {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.slice(0, -1)).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
  expect(stderr.length).toBeLessThan(2200);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run explore, as a process', { timeout: 60_000 }, () => {
  it('answers a 12 KB file nested 5,000 deep with one line and exit 2, not a stack trace', () => {
    const out = explore(file('deep.json', `{"format": ${'['.repeat(5000)}1${']'.repeat(5000)}}`));
    expect(out.code).toBe(EXIT.badInput);
    expect(out.stderr).toMatch(/: JSON nested deeper than 8 levels\.\n$/);
    expectOneSafeLine(out.stderr);
  });

  it('refuses a 26 MB file by its size, before reading it', () => {
    const bugs = Array(2_000_000).fill('"no-smp-rmb"').join(',');
    const path = file('huge.json', `{"format":1,"id":"huge","design":"kmap-seq","bugs":[${bugs}]}`);
    const out = explore(path);
    expect(out.code).toBe(EXIT.badInput);
    expect(out.stderr).toMatch(
      new RegExp(`the file has \\d+ bytes; a scenario file has at most ${MAX_SCENARIO_FILE_BYTES}\\n$`),
    );
    expectOneSafeLine(out.stderr);
  });

  it('escapes a newline and terminal escape codes in an id and in a file name', () => {
    const id = explore('x\n\u001b[2J\u001b]0;owned\u0007');
    expect(id.code).toBe(EXIT.badInput);
    expect(id.stderr).toMatch(/^unknown scenario id "x\\u000a\\u001b\[2J\\u001b\]0;owned\\u0007" /);
    expectOneSafeLine(id.stderr);
    const named = explore(file('a\nb\u001b[31m.json', '{"format":1,"id":"bad\\u001b[2J\\nid","design":"kmap-seq"}'));
    expect(named.code).toBe(EXIT.badInput);
    expect(named.stderr).toMatch(
      /^invalid scenario ".*a\\u000ab\\u001b\[31m\.json": id: got "bad\\u001b\[2J\\u000aid"/,
    );
    expectOneSafeLine(named.stderr);
  });

  it('exits 2 when --max-states has no value', () => {
    const out = explore('gup-munmap-uaf', '--max-states');
    expect(out.code).toBe(EXIT.badInput);
    expect(out.stderr).toMatch(/^--max-states needs a value/);
    expectOneSafeLine(out.stderr);
  });

  it('tells complete-and-clean, hazard found and incomplete apart by exit code', () => {
    expect(explore('copy-user-baseline').code).toBe(EXIT.clean);
    expect(explore('gup-munmap-uaf').code).toBe(EXIT.hazard);
    const bounded = explore('gup-munmap-uaf', '--max-states', '5');
    expect(bounded.code).toBe(EXIT.incomplete);
    expect(JSON.parse(bounded.stdout).complete).toBe(false);
  });

  it('says a file that is not UTF-8 is not UTF-8 text, not a Node error code', () => {
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0xe9, 0xff, 0x7d]));
    const out = explore(path);
    expect(out.code).toBe(EXIT.badInput);
    expect(out.stderr).toMatch(/^cannot read ".*latin1\.json": not UTF-8 text\n$/);
    expectOneSafeLine(out.stderr);
  });

  it('stops at --max-bytes with exit 4 and its JSON; a repeated flag is one line and exit 2', () => {
    const bounded = explore('gup-munmap-uaf', '--max-bytes', '1');
    expect(bounded.code).toBe(EXIT.incomplete);
    expect(JSON.parse(bounded.stdout)).toMatchObject({ complete: false });
    const twice = explore('gup-munmap-uaf', '--max-states=5', '--max-states=7');
    expect(twice.code).toBe(EXIT.badInput);
    expect(twice.stderr).toMatch(/^--max-states is given twice; /);
    expectOneSafeLine(twice.stderr);
  });

  it('refuses a device or a directory without reading it', () => {
    for (const path of ['/dev/zero', dir]) {
      const out = explore(path);
      expect(out.code).toBe(EXIT.badInput);
      expect(out.stderr).toMatch(/: not a regular file\n$/);
    }
  });
});
