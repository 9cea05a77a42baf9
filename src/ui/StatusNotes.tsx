import { useAppSelector, useServices } from './AppContext';

/** The worker fallback flag, pending work and the last error, in words. */
export function StatusNotes() {
  const { store } = useServices();
  const workerStatus = useAppSelector((s) => s.workerStatus);
  const error = useAppSelector((s) => s.error);
  const busy = useAppSelector((s) => s.pending > 0);
  return (
    <div className="status-notes">
      {workerStatus === 'fallback' ? (
        <p className="worker-note" role="status">
          Simulation runs on the main thread (worker unavailable)
        </p>
      ) : null}
      <p className="busy-note" aria-live="polite">
        {busy ? 'Simulating…' : ''}
      </p>
      {error ? (
        <div className="error-note" role="alert" aria-label="Error">
          <span>{error}</span>{' '}
          <button type="button" onClick={store.getState().clearError}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
