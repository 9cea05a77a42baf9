import type { ExploreProgress, ExploreResult } from '../core/explore/engine/machine';
import type { Scenario } from '../core/types';
import type { ExploreRequest, ExploreResponse } from './protocol';

export interface ExploreCall {
  scenario: Scenario;
  maxStates: number;
  /** Stop with an incomplete result once the explorer's stores pass this many bytes. */
  maxStoreBytes?: number;
  progressEvery?: number;
  /** `false` turns partial-order reduction off. */
  por?: boolean;
  /** With `por: false`, safety and liveness in one walk of the full graph (the matrix's cells). */
  onePass?: boolean;
  onProgress: (progress: ExploreProgress) => void;
}

/** One running exploration: its result (also for a cancelled run, with status 'cancelled') and a way to cancel it. */
export interface ExploreRun {
  result: Promise<ExploreResult>;
  cancel: () => void;
}

interface Pending {
  call: ExploreCall;
  resolve: (result: ExploreResult) => void;
  reject: (error: Error) => void;
}

/** The caller's side of the explore protocol: sends requests with fresh ids and settles them from the responses. */
export function createExploreTracker(send: (request: ExploreRequest) => void) {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  return {
    start(call: ExploreCall): ExploreRun {
      const id = nextId++;
      const result = new Promise<ExploreResult>((resolve, reject) => pending.set(id, { call, resolve, reject }));
      const { scenario, maxStates, maxStoreBytes, progressEvery, por, onePass } = call;
      const bounds = {
        ...(maxStoreBytes ? { maxStoreBytes } : {}),
        ...(progressEvery ? { progressEvery } : {}),
        ...(por === false ? { por } : {}),
        ...(por === false && onePass ? { onePass } : {}),
      };
      send({ id, type: 'explore', scenario, maxStates, ...bounds });
      let cancelSent = false;
      const cancel = () => {
        // One cancel message per run, however many progress reports arrive before the worker stops.
        if (cancelSent || !pending.has(id)) return;
        cancelSent = true;
        send({ id, type: 'cancel-explore' });
      };
      return { result, cancel };
    },
    receive(response: ExploreResponse): void {
      const entry = pending.get(response.id);
      if (!entry) return;
      if (response.type === 'explore-progress') entry.call.onProgress(response.progress);
      else {
        pending.delete(response.id);
        if (response.type === 'explore-result') entry.resolve(response.result);
        else entry.reject(new Error(response.message));
      }
    },
    /** Rejects every running exploration; `onEach` can tell the other side to stop it. */
    rejectAll(message: string, onEach?: (id: number) => void): void {
      for (const [id, entry] of [...pending]) {
        pending.delete(id);
        onEach?.(id);
        entry.reject(new Error(message));
      }
    },
  };
}

export type ExploreTracker = ReturnType<typeof createExploreTracker>;
