import { lazy, Suspense, useState } from 'react';
import type { SimClient } from '../../worker/client';
import { useServices } from '../AppContext';
import { Overlay } from '../overlay/Overlay';

// The matrix loads on first use, so that it stays out of the first-load JavaScript; pointing at or focusing the
// button (a person's intent, never an untouched page) fetches it early and starts its workers, so the dialog opens
// without waiting and the workers have loaded the engine by the time Compute is pressed.
const loadPanel = () => import('./MatrixPanel');
const MatrixPanel = lazy(loadPanel);
const prefetch = (client: SimClient) =>
  void Promise.all([loadPanel(), import('./matrix-pool')])
    .then(([, pool]) => pool.matrixPool(client))
    .catch(() => undefined);

/** Opens the design × mm-event matrix over the stepper. */
export function MatrixButton() {
  const { client } = useServices();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <button
        type="button"
        onPointerEnter={() => prefetch(client)}
        onFocus={() => prefetch(client)}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        Matrix
      </button>
      {used ? (
        <Overlay title="Design × mm-event matrix" open={open} onClose={() => setOpen(false)}>
          <Suspense fallback={<p>Loading the matrix…</p>}>
            <MatrixPanel onClose={() => setOpen(false)} />
          </Suspense>
        </Overlay>
      ) : null}
    </>
  );
}
