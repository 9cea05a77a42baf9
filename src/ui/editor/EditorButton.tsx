import { lazy, Suspense, useState } from 'react';
import { Overlay } from '../overlay/Overlay';

// The editor loads on first use, so its form stays out of the first-load JavaScript.
const ScenarioEditor = lazy(() => import('./ScenarioEditor'));

/** Opens the scenario editor over the stepper, starting from the scenario shown. */
export function EditorButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Edit scenario
      </button>
      {open ? (
        <Overlay title="Scenario editor" open onClose={() => setOpen(false)}>
          <Suspense fallback={<p>Loading the editor…</p>}>
            <ScenarioEditor onClose={() => setOpen(false)} />
          </Suspense>
        </Overlay>
      ) : null}
    </>
  );
}
