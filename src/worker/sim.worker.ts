/// <reference lib="webworker" />
import type { WorkerRequest } from './protocol';
import { createWorkerRouter } from './router';

const router = createWorkerRouter((response) => self.postMessage(response));

self.onmessage = (message: MessageEvent<WorkerRequest>) => router.receive(message.data);
