import { lazy, Suspense, useId, useState } from 'react';
import { selectCurrentScenario } from '../../state/store';
import { useAppSelector } from '../AppContext';
import type { SideBySideChoice } from './SideBySideBody';
import './sidebyside.css';

// The two designs' view loads when it is first opened, so that it stays out of the first-load JavaScript.
const SideBySideBody = lazy(() => import('./SideBySideBody'));

/** The scenario's mm steps under two designs, in two pictures moved together, with their modelled costs. */
export function SideBySide() {
  const scenario = useAppSelector(selectCurrentScenario);
  const schedule = useAppSelector((s) => s.schedule);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<SideBySideChoice>({ designA: '', designB: 'kmap-seq', at: null });
  const id = useId();
  const choose = (change: Partial<SideBySideChoice>) => setChoice((before) => ({ ...before, ...change }));
  return (
    <section className="sbs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sbs-title">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          Compare two designs
        </button>
      </h2>
      {open && scenario ? (
        <Suspense fallback={<p className="sbs-hint">Loading the comparison…</p>}>
          <SideBySideBody scenario={scenario} schedule={schedule} choice={choice} choose={choose} />
        </Suspense>
      ) : null}
    </section>
  );
}
