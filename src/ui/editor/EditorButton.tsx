import { useState } from 'react';
import { Overlay } from '../overlay/Overlay';
import { ScenarioEditor } from './ScenarioEditor';

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
          <ScenarioEditor onClose={() => setOpen(false)} />
        </Overlay>
      ) : null}
    </>
  );
}
