import { lazy, Suspense, useId, useState } from 'react';
import type { State, StepEvent } from '../../core/types';
import { chapterIds } from '../../tour/chapter-ids';
import { CHAPTER_MARKS } from '../../tour/chapter-marks';
import { useAppSelector } from '../AppContext';
import { Diagram } from './Diagram';

// The Key and the tables load when first shown, so that they stay out of the first-load JavaScript.
const DiagramKey = lazy(() => import('./DiagramKey').then((m) => ({ default: m.DiagramKey })));
const ViewsGrid = lazy(() => import('../views/ViewsGrid').then((m) => ({ default: m.ViewsGrid })));

interface Props {
  state: State;
  event: StepEvent | undefined;
  names: readonly string[];
  presenter: boolean;
}

const NO_MARKS: readonly never[] = [];

/** The narrow layout (room.css, max-width 900px) stacks the columns: the picture is drawn 1:1 there, never fitted. */
const stacked = () => typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 900px)').matches;

/** The diagram as the main picture, its Key under it on demand, the detailed tables behind a toggle. */
export function PicturePanel({ state, event, names, presenter }: Props) {
  const [tables, setTables] = useState(false);
  const [key, setKey] = useState(false);
  const keyId = useId().replace(/:/g, '');
  const playing = useAppSelector((s) => s.playing);
  const speed = useAppSelector((s) => s.speed);
  const previous = useAppSelector((s) => (s.index > 0 ? s.states[s.index - 1] : undefined));
  const chapter = useAppSelector((s) => s.tourChapter);
  const chapterId = chapter === null ? undefined : chapterIds[chapter];
  const highlight = chapterId ? CHAPTER_MARKS[chapterId] : NO_MARKS;
  return (
    <section className={`picture${presenter ? ' picture-presenter' : ''}`} aria-labelledby="picture-title">
      <div className="picture-head">
        <h2 id="picture-title">Paths to memory</h2>
        <button type="button" aria-expanded={key} aria-controls={keyId} onClick={() => setKey((on) => !on)}>
          Key
        </button>
        <button type="button" aria-pressed={tables} onClick={() => setTables((on) => !on)}>
          {tables ? 'Hide the tables' : 'Show the tables'}
        </button>
      </div>
      <Diagram
        state={state}
        event={event}
        previous={previous}
        font={14}
        fill={presenter && !stacked()}
        highlight={highlight}
        playing={playing}
        speed={speed}
      />
      <div>
        {key ? (
          <Suspense
            fallback={
              <p id={keyId} role="status">
                Loading the Key…
              </p>
            }
          >
            <DiagramKey id={keyId} />
          </Suspense>
        ) : null}
      </div>
      {tables ? (
        <Suspense fallback={<p>Loading the tables…</p>}>
          <ViewsGrid state={state} event={event} names={names} />
        </Suspense>
      ) : null}
    </section>
  );
}
