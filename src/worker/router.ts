import { createExploreHost } from './explore-runner';
import { handle } from './handle';
import type { Pause } from './pauses';
import { isExploreRequest, type WorkerRequest, type WorkerResponse } from './protocol';

/** The worker's side of every message: the handshake, explorations, and step/replay requests. */
export function createWorkerRouter(post: (response: WorkerResponse) => void, pause?: Pause) {
  const explorations = createExploreHost(post, pause);
  return {
    receive(request: WorkerRequest): void {
      if (request.type === 'hello') post({ type: 'ready' });
      else if (isExploreRequest(request)) explorations.receive(request);
      else post(handle(request));
    },
    cancelAll: explorations.cancelAll,
  };
}
