import { describe, expect, it } from 'vitest';
import type { Matrix } from '../core/explore/matrix/matrix';
import { builtinScenarios } from '../scenarios';
import { CLI_DEFAULT_MAX_BYTES, type CliIo, EXIT, type MatrixBounds, runCli, runCliWithMatrix } from './cli-core';

const io: CliIo = {
  readFile: () => {
    throw new Error('no files here');
  },
  builtins: builtinScenarios,
};
const tiny: Matrix = { cells: [], states: 7, ms: 1, complete: false };

describe('the explore CLI with an injected matrix (the worker pool)', () => {
  it('hands --matrix and its bounds to the injected matrix and prints what it returns', async () => {
    const asked: MatrixBounds[] = [];
    const out = await runCliWithMatrix(['--matrix', '--no-por', '--max-states', '50'], io, async (bounds) => {
      asked.push(bounds);
      return tiny;
    });
    expect(asked).toEqual([{ maxStates: 50, maxStoreBytes: CLI_DEFAULT_MAX_BYTES, por: false }]);
    expect(JSON.parse(out.stdout)).toEqual(tiny);
    expect(out.code).toBe(EXIT.incomplete);
  });

  it('hands --max-bytes to the pool as the store bound of every cell', async () => {
    const asked: MatrixBounds[] = [];
    await runCliWithMatrix(['--matrix', '--max-bytes', '4000000'], io, async (bounds) => {
      asked.push(bounds);
      return tiny;
    });
    expect(asked.map((b) => b.maxStoreBytes)).toEqual([4_000_000]);
  });

  it('answers everything else exactly as runCli does, without computing a matrix', async () => {
    const never = async (): Promise<Matrix> => {
      throw new Error('no matrix expected');
    };
    for (const args of [['--table'], ['--bogus'], [], ['no-such-id']]) {
      expect(await runCliWithMatrix(args, io, never)).toEqual(runCli(args, io));
    }
  });
});
