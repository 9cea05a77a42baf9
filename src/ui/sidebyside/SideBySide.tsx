import { lazy, Suspense, useId, useState } from 'react';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector } from '../AppContext';
import { Overlay } from '../overlay/Overlay';
import type { SideBySideChoice } from './SideBySideBody';
import './sidebyside.css';

// The two designs' view loads when it is first opened, so that it stays out of the first-load JavaScript.
const SideBySideBody = lazy(() => import('./SideBySideBody'));

/**
 * The scenario's mm steps under two designs, in two pictures moved together, with their modelled costs, in a
 * dialog. It opens on the scenario's design against the nearest correct one, each with its bug switches.
 */
export function SideBySide() {
  const scenario = useAppSelector(selectCurrentScenario);
  const schedule = useAppSelector((s) => s.schedule);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<SideBySideChoice>({ designA: '', designB: '', at: null });
  const id = useId();
  const choose = (change: Partial<SideBySideChoice>) => setChoice((before) => ({ ...before, ...change }));
  return (
    <section className="sbs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sbs-title">
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          Compare two designs
        </button>
      </h2>
      {open && scenario ? (
        <Overlay title="Compare two designs" open onClose={() => setOpen(false)}>
          <Suspense fallback={<p className="sbs-hint">Loading the comparison…</p>}>
            <SideBySideBody scenario={scenario} schedule={schedule} choice={choice} choose={choose} />
          </Suspense>
        </Overlay>
      ) : null}
    </section>
  );
}
