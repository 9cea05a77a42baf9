import { parentPort } from 'node:worker_threads';
import { exploreCell } from '../../src/core/explore/matrix/matrix';
import type { CellReply, CellRequest } from './cell-protocol';

/** One matrix cell per request, explored on this worker thread; an exception becomes an error reply. */
parentPort?.on('message', ({ index, spec, bounds }: CellRequest) => {
  let reply: CellReply;
  try {
    reply = { index, cell: exploreCell(spec.design, spec.event, spec.bug, bounds) };
  } catch (error) {
    reply = { index, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
