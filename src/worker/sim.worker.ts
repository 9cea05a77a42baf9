/// <reference lib="webworker" />
import { nextMessage } from './pauses';
import type { WorkerRequest } from './protocol';
import { createWorkerRouter } from './router';

// Pauses between slices go through a MessageChannel: a chain of setTimeout(0) is clamped to 4 ms after five levels.
const router = createWorkerRouter((response) => self.postMessage(response), nextMessage);

self.onmessage = (message: MessageEvent<WorkerRequest>) => router.receive(message.data);
