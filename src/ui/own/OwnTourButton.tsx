import { lazy, Suspense, useState } from 'react';
import { Overlay } from '../overlay/Overlay';

// The builder loads on first use, so it stays out of the first-load JavaScript.
const TourBuilder = lazy(() => import('./TourBuilder'));

/** Opens the tour builder over the stepper. */
export function OwnTourButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Your own tour
      </button>
      {open ? (
        <Overlay title="Tour builder" open onClose={() => setOpen(false)}>
          <Suspense fallback={<p>Loading the tour builder…</p>}>
            <TourBuilder onClose={() => setOpen(false)} />
          </Suspense>
        </Overlay>
      ) : null}
    </>
  );
}
