import { isDone } from '../../core';
import type { State } from '../../core/types';

interface Props {
  state: State;
  atEnd: boolean;
  finished: boolean;
}

/** Says in words where the history ends: a finished run, a stuck one, or new steps still to be computed. */
export function EndOfHistory({ state, atEnd, finished }: Props) {
  if (!atEnd) return null;
  let text = 'Last recorded step: forward runs a new one.';
  if (finished) text = isDone(state) ? 'End of the run: every thread is done.' : 'End of the run: no thread can move.';
  return (
    <p className={`end-note${finished ? ' end-final' : ''}`} role="status">
      {text}
    </p>
  );
}
