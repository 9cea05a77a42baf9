import type { Scenario, State } from '../core/types';
import { init } from '../core/world';
import { createExploreTracker, type ExploreCall, type ExploreRun } from './explore-client';
import type { ExploreHost } from './explore-runner';
import { nextMessage } from './pauses';
import { isExploreResponse, type SimCommand, type SimResponse, type WorkerRequest } from './protocol';
import { checkReply } from './reply-check';
import { rememberStatuses } from './statuses';

export type SimResult = Extract<SimResponse, { type: 'result' }>;

/** The simulation as the UI sees it: asynchronous, wherever it runs. */
export interface SimClient {
  /** True once the simulation runs on the UI thread (chosen, or after the worker failed). */
  readonly runsOnMainThread: boolean;
  step(state: State, thread: number): Promise<SimResult>;
  replay(scenario: Scenario, schedule: number[]): Promise<SimResult>;
  /** Explores every interleaving of the scenario in slices, reporting progress, until done, bound or cancelled. */
  explore(call: ExploreCall): ExploreRun;
  terminate(): void;
}

export interface WorkerClientOptions {
  /** Called once if the worker fails to start, errors or stays silent; the client then runs on the main thread. */
  onFallback?: (reason: string) => void;
  /** Called if a worker that missed the handshake answers after all; new requests go to it again. */
  onRecover?: () => void;
  createWorker?: () => Worker;
  /** A request the worker has not answered after this many milliseconds counts as a failed worker. */
  timeoutMs?: number;
  /** A worker that has not answered the handshake after this many milliseconds counts as failed. */
  handshakeMs?: number;
}

/** How long a new worker may stay silent before the simulation moves to the main thread. */
export const HANDSHAKE_MS = 1000;

type Pending = { command: SimCommand; resolve: (result: SimResult) => void; reject: (error: Error) => void };

/** The state a result must resemble: the step's own state, or the replay's start (only results carry states). */
function referenceFor(data: unknown, pending: ReadonlyMap<number, Pending>): State | undefined {
  const reply = typeof data === 'object' && data !== null ? (data as { id?: unknown; type?: unknown }) : {};
  const command = reply.type === 'result' && typeof reply.id === 'number' ? pending.get(reply.id)?.command : undefined;
  if (!command) return undefined;
  return command.type === 'step' ? command.state : init(command.scenario);
}

function settle(response: SimResponse, pending: Pending): void {
  if (response.type === 'result') {
    rememberStatuses(response.states, response.statuses);
    pending.resolve(response);
  } else pending.reject(new Error(response.message));
}

function clientFrom(
  run: (command: SimCommand) => Promise<SimResult>,
  explore: (call: ExploreCall) => ExploreRun,
  onMain: () => boolean,
  stop: () => void,
) {
  const client: SimClient = {
    get runsOnMainThread() {
      return onMain();
    },
    step: (state, thread) => run({ type: 'step', state, thread }),
    replay: (scenario, schedule) => run({ type: 'replay', scenario, schedule }),
    explore,
    terminate: stop,
  };
  return client;
}

export function createMainThreadClient(): SimClient {
  let nextId = 1;
  // The core's steps load on first use here too: on the page they are needed only when the worker fails.
  let steps: Promise<typeof import('./handle')> | null = null;
  const run = (command: SimCommand) =>
    new Promise<SimResult>((resolve, reject) => {
      const id = nextId++;
      steps ??= import('./handle');
      steps.then(
        (m) => settle(m.handle({ ...command, id }), { command, resolve, reject }),
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  // The explorer loads on first use, so that it stays out of the first-load JavaScript.
  let host: Promise<ExploreHost> | null = null;
  const loadHost = () => {
    host ??= import('./explore-runner').then((m) =>
      m.createExploreHost((response) => tracker.receive(response), nextMessage, m.MAIN_THREAD_SLICE_MS),
    );
    return host;
  };
  const tracker = createExploreTracker((request) => void loadHost().then((loaded) => loaded.receive(request)));
  return clientFrom(
    run,
    tracker.start,
    () => true,
    () => void host?.then((loaded) => loaded.cancelAll()),
  );
}

const defaultWorker = () => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });

export function createWorkerClient(options: WorkerClientOptions = {}): SimClient {
  const pending = new Map<number, Pending>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let worker: Worker | null = null;
  let main: SimClient | null = null;
  const mainClient = () => {
    main ??= createMainThreadClient();
    return main;
  };
  let onMain = false;
  let nextId = 1;
  const explorations = createExploreTracker((request) => worker?.postMessage(request));
  let handshake: ReturnType<typeof setTimeout> | undefined;

  const runOnFallback = (client: SimClient, entry: Pending) => {
    const { command } = entry;
    const result =
      command.type === 'step'
        ? client.step(command.state, command.thread)
        : client.replay(command.scenario, command.schedule);
    result.then(entry.resolve, entry.reject);
  };
  const finish = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    const entry = pending.get(id);
    pending.delete(id);
    return entry;
  };
  /** A silent worker is kept (it may still be loading on a busy machine); a failed one is terminated. */
  const switchToMainThread = (reason: string, keepWorker = false) => {
    clearTimeout(handshake);
    if (!keepWorker) {
      worker?.terminate();
      worker = null;
    }
    if (onMain) return;
    onMain = true;
    options.onFallback?.(reason);
    const cancel = (id: number) => worker?.postMessage({ id, type: 'cancel-explore' } satisfies WorkerRequest);
    explorations.rejectAll(`The exploration stopped because ${reason}; start it again.`, cancel);
    for (const id of [...pending.keys()]) {
      const entry = finish(id);
      if (entry) runOnFallback(mainClient(), entry);
    }
  };

  try {
    worker = (options.createWorker ?? defaultWorker)();
    const receive = (data: unknown) => {
      const checked = checkReply(data, referenceFor(data, pending));
      if (!checked.ok) return switchToMainThread(`the worker sent a malformed reply (${checked.reason})`);
      const reply = checked.reply;
      if (reply.type === 'ready') {
        clearTimeout(handshake);
        if (onMain && worker) {
          onMain = false;
          options.onRecover?.();
        }
        return;
      }
      if (isExploreResponse(reply)) return explorations.receive(reply);
      const entry = finish(reply.id);
      if (entry) settle(reply, entry);
    };
    worker.onmessage = (message: MessageEvent<unknown>) => {
      try {
        receive(message.data);
      } catch {
        switchToMainThread('a worker reply could not be handled');
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      switchToMainThread(event.message || 'the worker failed to load');
    };
    worker.onmessageerror = () => switchToMainThread('a worker message could not be read');
    const handshakeMs = options.handshakeMs ?? HANDSHAKE_MS;
    const silent = `the worker did not answer within ${handshakeMs} ms`;
    handshake = setTimeout(() => switchToMainThread(silent, true), handshakeMs);
    worker.postMessage({ type: 'hello' } satisfies WorkerRequest);
  } catch (error) {
    switchToMainThread(error instanceof Error ? error.message : String(error));
  }

  const run = (command: SimCommand) =>
    new Promise<SimResult>((resolve, reject) => {
      const entry = { command, resolve, reject };
      if (onMain || !worker) return runOnFallback(mainClient(), entry);
      const id = nextId++;
      pending.set(id, entry);
      timers.set(
        id,
        setTimeout(() => switchToMainThread('the worker did not answer'), options.timeoutMs ?? 5000),
      );
      try {
        worker.postMessage({ ...command, id });
      } catch (error) {
        switchToMainThread(error instanceof Error ? error.message : String(error));
      }
    });
  const explore = (call: ExploreCall) => (onMain || !worker ? mainClient().explore(call) : explorations.start(call));
  const stop = () => {
    clearTimeout(handshake);
    main?.terminate();
    explorations.rejectAll('The simulation was stopped.');
    worker?.terminate();
    worker = null;
    for (const id of [...pending.keys()]) finish(id)?.reject(new Error('The simulation was stopped.'));
  };
  return clientFrom(run, explore, () => onMain || !worker, stop);
}
