import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { EXIT, failure, runCliWithMatrix } from '../src/cli/cli-core';
import { builtinScenarios } from '../src/scenarios';
import { exploreMatrixPooled } from './pool/matrix-pool';
import { nodeSpinIo } from './spin/spin-io';

/** Reads at most `maxBytes` of a regular file, checking its size before reading anything. */
function readCapped(path: string, maxBytes: number): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new Error('no such file');
  if (!stat.isFile()) throw new Error('not a regular file');
  if (stat.size > maxBytes) throw new Error(`the file has ${stat.size} bytes; a scenario file has at most ${maxBytes}`);
  const buffer = Buffer.alloc(maxBytes + 1);
  const fd = openSync(path, 'r');
  let length = 0;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length > maxBytes) throw new Error(`the file grew past ${maxBytes} bytes while being read`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
  } catch {
    // Node's decoder throws a TypeError coded ERR_ENCODING_INVALID_ENCODED_DATA: say what it means instead.
    throw new Error('not UTF-8 text');
  }
}

const readFile = (path: string, maxBytes: number) => {
  try {
    return readCapped(path, maxBytes);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') throw new Error(code);
    throw error;
  }
};

const pooledMatrix = async (bounds: { maxStates: number; por: boolean }) => (await exploreMatrixPooled(bounds)).matrix;

async function main(): Promise<void> {
  let out: Awaited<ReturnType<typeof runCliWithMatrix>>;
  try {
    out = await runCliWithMatrix(
      process.argv.slice(2),
      { readFile, builtins: builtinScenarios, spin: nodeSpinIo(builtinScenarios, readFile) },
      pooledMatrix,
    );
  } catch (error) {
    out = failure(`internal error: ${error instanceof Error ? error.message : 'unknown'}`, EXIT.internalError);
  }
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.code;
}

// No top-level await: the bundle is CommonJS (scripts/build-node.mjs).
void main();
