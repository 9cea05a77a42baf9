import { lazy, Suspense, useState } from 'react';
import type { State, StepEvent } from '../../core/types';
import { useAppSelector } from '../AppContext';
import { Diagram } from './Diagram';
import { DiagramKey } from './DiagramKey';

// The tables load when first shown, so that they stay out of the first-load JavaScript.
const ViewsGrid = lazy(() => import('../views/ViewsGrid').then((m) => ({ default: m.ViewsGrid })));

interface Props {
  state: State;
  event: StepEvent | undefined;
  names: readonly string[];
  presenter: boolean;
}

/** The diagram as the main picture, with the detailed tables behind a toggle. */
export function PicturePanel({ state, event, names, presenter }: Props) {
  const [tables, setTables] = useState(false);
  const playing = useAppSelector((s) => s.playing);
  const speed = useAppSelector((s) => s.speed);
  return (
    <section className="picture" aria-labelledby="picture-title">
      <div className="picture-head">
        <h2 id="picture-title">Paths to memory</h2>
        <DiagramKey />
        <button type="button" aria-pressed={tables} onClick={() => setTables((on) => !on)}>
          {tables ? 'Hide the tables' : 'Show the tables'}
        </button>
      </div>
      <Diagram state={state} event={event} font={presenter ? 20 : 14} playing={playing} speed={speed} />
      {tables ? (
        <Suspense fallback={<p>Loading the tables…</p>}>
          <ViewsGrid state={state} event={event} names={names} />
        </Suspense>
      ) : null}
    </section>
  );
}
