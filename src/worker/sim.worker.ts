/// <reference lib="webworker" />
import { handle } from './handle';

self.onmessage = (message: MessageEvent) => self.postMessage(handle(message.data));
