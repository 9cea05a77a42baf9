import type { StateCreator } from 'zustand/vanilla';
import type { AppStore } from './store';

/** `fallback`: a worker was wanted but failed, so the simulation runs on the main thread. */
export type WorkerStatus = 'starting' | 'worker' | 'main-thread' | 'fallback';

export interface UiSlice {
  workerStatus: WorkerStatus;
  /** Requests sent to the simulation and not answered yet. */
  pending: number;
  error: string | null;
  /** Presenter mode: the picture scaled to fill the screen; kept in the link (`presenter=1`). */
  presenter: boolean;
  setPresenter: (on: boolean) => void;
  setWorkerStatus: (status: WorkerStatus) => void;
  beginRequest: () => void;
  endRequest: () => void;
  showError: (message: string) => void;
  clearError: () => void;
}

export const createUiSlice: StateCreator<AppStore, [], [], UiSlice> = (set) => ({
  workerStatus: 'starting',
  pending: 0,
  error: null,
  presenter: false,
  setPresenter: (presenter) => set({ presenter }),
  setWorkerStatus: (workerStatus) => set({ workerStatus }),
  beginRequest: () => set((s) => ({ pending: s.pending + 1 })),
  endRequest: () => set((s) => ({ pending: Math.max(0, s.pending - 1) })),
  showError: (error) => set({ error }),
  clearError: () => set({ error: null }),
});
