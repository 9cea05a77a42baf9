import { threadNames } from '../../core';
import type { State, StepEvent } from '../../core/types';
import { useAppSelector } from '../AppContext';
import { Diagram } from '../diagram/Diagram';
import { LinkNotice } from '../history/LinkNotice';
import { Controls } from '../playback/Controls';
import { Timeline } from '../playback/Timeline';
import { StatusNotes } from '../StatusNotes';
import { showsNarration } from './embed';
import './export.css';

interface Props {
  state: State | undefined;
  event: StepEvent | undefined;
}

/** Embed mode: the picture and the playback controls only, for slides and iframes. */
export function EmbedView({ state, event }: Props) {
  const playing = useAppSelector((s) => s.playing);
  const speed = useAppSelector((s) => s.speed);
  return (
    <div className="app embed">
      {/* The same link and status messages as the full app: a broken link never opens silently. */}
      <div className="embed-notes">
        <LinkNotice />
        <StatusNotes />
      </div>
      <main className="embed-picture" aria-label={state ? state.scenario.title : 'Ringside'}>
        {state ? (
          <Diagram state={state} event={event} font={16} playing={playing} speed={speed} />
        ) : (
          <p>Loading the scenario…</p>
        )}
      </main>
      {state && showsNarration(window.location.search) ? (
        <p className="embed-narration" aria-live="polite">
          {event
            ? `Step ${event.step + 1}: ${threadNames(state.scenario)[event.thread] ?? `thread ${event.thread + 1}`} ran ${event.instr.fn}. ${event.instr.explain}`
            : `Start of “${state.scenario.title}”.`}
        </p>
      ) : null}
      <footer className="bottom">
        <Controls />
        <Timeline />
      </footer>
    </div>
  );
}
