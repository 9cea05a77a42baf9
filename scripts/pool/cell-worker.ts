import { parentPort } from 'node:worker_threads';
import { exploreCell } from '../../src/core/explore/matrix/matrix';
import type { CellReply, CellRequest } from './cell-protocol';

const epochMs = () => performance.timeOrigin + performance.now();
const loaded = epochMs();

/** One matrix cell per request, explored on this worker thread; an exception becomes an error reply. */
parentPort?.on('message', ({ index, spec, bounds }: CellRequest) => {
  let reply: CellReply;
  const start = epochMs();
  try {
    const cell = exploreCell(spec.design, spec.event, spec.bug, bounds);
    reply = { index, cell, timing: { loaded, start, end: epochMs() } };
  } catch (error) {
    reply = { index, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
