import { type CSSProperties, useCallback } from 'react';
import { programsOf } from '../../core';
import type { State, StepEvent } from '../../core/types';
import { threadStatus } from '../../worker/statuses';
import { useServices } from '../AppContext';
import { changedMatcher } from '../views/changed';
import { ThreadPane } from './ThreadPane';

interface Props {
  state: State;
  event: StepEvent | undefined;
}

export function ThreadsPanel({ state, event }: Props) {
  const { controller } = useServices();
  const programs = programsOf(state.scenario);
  const changed = changedMatcher(event?.changed ?? []);
  const onRun = useCallback((thread: number) => void controller.chooseThread(thread), [controller]);
  return (
    <section className="threads" aria-label="Threads" style={{ '--thread-count': programs.length } as CSSProperties}>
      {programs.map((program, t) => {
        const threadState = state.threads[t];
        if (!threadState) return null;
        return (
          <ThreadPane
            // biome-ignore lint/suspicious/noArrayIndexKey: threads are identified by their index.
            key={t}
            thread={t}
            program={program}
            threadState={threadState}
            status={threadStatus(state, t)}
            justRan={event?.thread === t ? event.pc : undefined}
            changed={changed(`threads.${t}`)}
            onRun={onRun}
          />
        );
      })}
    </section>
  );
}
