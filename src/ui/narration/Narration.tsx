import type { Scenario, StepEvent } from '../../core/types';
import { ThreadPointNote } from './ThreadPointNote';

interface Props {
  scenario: Scenario;
  event: StepEvent | undefined;
  names: readonly string[];
}

/** What the step shown just did, read out by screen readers as it changes. */
export function Narration({ scenario, event, names }: Props) {
  return (
    <section className="narration" aria-labelledby="narration-title">
      <h2 id="narration-title">What happened</h2>
      <div aria-live="polite" aria-atomic="true" data-testid="narration">
        {event ? (
          <>
            <p className="narration-head">
              Step {event.step + 1}: {names[event.thread] ?? `thread ${event.thread + 1}`} ran{' '}
              <code>{event.instr.fn}</code>
            </p>
            {event.detail ? <p className="narration-detail">{event.detail}</p> : null}
            <p className="narration-explain">{event.instr.explain}</p>
            {event.instr.point ? <ThreadPointNote id={event.instr.point} /> : null}
          </>
        ) : (
          <>
            <p className="narration-head">Start of “{scenario.title}”.</p>
            <p className="narration-detail">{scenario.summary}</p>
            <p className="narration-explain">
              Choose which thread runs next with its Run button, or let Ringside pick (it follows the scenario's story).
            </p>
          </>
        )}
      </div>
    </section>
  );
}
