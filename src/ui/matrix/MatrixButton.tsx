import { lazy, Suspense, useState } from 'react';
import { Overlay } from '../overlay/Overlay';

// The matrix loads on first use, so that it stays out of the first-load JavaScript; pointing at or focusing the
// button (a person's intent, never an untouched page) fetches it early, so the dialog opens without waiting for it.
const loadPanel = () => import('./MatrixPanel');
const MatrixPanel = lazy(loadPanel);
const prefetch = () => void loadPanel().catch(() => undefined);

/** Opens the design × mm-event matrix over the stepper. */
export function MatrixButton() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <button
        type="button"
        onPointerEnter={prefetch}
        onFocus={prefetch}
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
