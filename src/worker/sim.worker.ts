/// <reference lib="webworker" />
import { createExploreHost } from './explore-runner';
import { handle } from './handle';
import { isExploreRequest, type WorkerRequest } from './protocol';

const explorations = createExploreHost((response) => self.postMessage(response));

self.onmessage = (message: MessageEvent<WorkerRequest>) => {
  if (isExploreRequest(message.data)) explorations.receive(message.data);
  else self.postMessage(handle(message.data));
};
