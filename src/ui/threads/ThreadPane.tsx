import { memo, useEffect, useId, useRef } from 'react';
import type { Program, ThreadState, ThreadStatus } from '../../core/types';
import { CodeText } from './CodeText';

interface Props {
  thread: number;
  program: Program;
  threadState: ThreadState;
  status: ThreadStatus;
  /** The pc of the step this thread just ran, when it ran the last step. */
  justRan: number | undefined;
  changed: boolean;
  onRun: (thread: number) => void;
}

function statusText(status: ThreadStatus): string {
  if (status.state === 'blocked') return `Blocked: ${status.reason}`;
  if (status.state === 'done') return 'Done: this thread has finished.';
  return 'Ready to run.';
}

/** Scrolls only the code list (never the page or the column) so that `line` and its neighbours are visible. */
function scrollWithinList(line: HTMLElement | null): void {
  const list = line?.parentElement;
  if (!line || !list) return;
  const top = line.offsetTop - list.offsetTop;
  list.scrollTop = Math.max(0, top - (list.clientHeight - line.offsetHeight) / 2);
}

/** One thread's program as code, its current line marked, and the button that runs its next step. */
function ThreadPaneView({ thread, program, threadState, status, justRan, changed, onRun }: Props) {
  const id = useId();
  const currentRef = useRef<HTMLLIElement>(null);
  const pc = threadState.done ? -1 : threadState.pc;
  useEffect(() => {
    if (pc < 0) return;
    // In the next frame, where layout happens anyway: reading offsets now would force an extra layout per step.
    const frame = requestAnimationFrame(() => scrollWithinList(currentRef.current));
    return () => cancelAnimationFrame(frame);
  }, [pc]);
  return (
    <section
      className={`thread-pane status-${status.state}${changed ? ' thread-changed' : ''}`}
      aria-labelledby={`${id}-name`}
    >
      <header className="thread-head">
        <h2 id={`${id}-name`}>
          {thread + 1}. {program.name} <span className="cpu">on CPU{program.cpu}</span>
        </h2>
        <button
          type="button"
          className="run-button"
          disabled={status.state !== 'ready'}
          aria-describedby={`${id}-status`}
          onClick={() => onRun(thread)}
        >
          Run {program.name} ({thread + 1})
        </button>
      </header>
      <p id={`${id}-status`} className={`thread-status status-${status.state}`}>
        {statusText(status)}
      </p>
      {/* A scrolling list must take focus, so its lines can be scrolled with the keyboard (WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls; focus lets the keyboard scroll it. */}
      <ol className="code" aria-label={`${program.name} code`} tabIndex={0}>
        {program.instrs.map((instr, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: instructions are addressed by index (the pc).
            key={i}
            ref={i === pc ? currentRef : undefined}
            className={`code-line${i === pc ? ' current' : ''}${i === justRan ? ' just-ran' : ''}`}
            aria-current={i === pc ? 'step' : undefined}
            title={`${instr.fn}: ${instr.explain}`}
            style={{ paddingLeft: `${0.3 + Math.min(instr.depth, 3) * 0.8}em` }}
          >
            <span className="line-mark" aria-hidden="true">
              {i === pc ? '▶' : i === justRan ? '✓' : ''}
            </span>
            <CodeText code={instr.code} />
            {instr.bugs?.length ? <span className="bug-tag"> bug: {instr.bugs.join(', ')}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

const sameStatus = (a: ThreadStatus, b: ThreadStatus) =>
  a.state === b.state && (a.state !== 'blocked' || (b.state === 'blocked' && a.reason === b.reason));

/** Re-renders only when what the pane shows changes: the code list is the largest part of the page. */
export const ThreadPane = memo(
  ThreadPaneView,
  (a, b) =>
    a.thread === b.thread &&
    a.program === b.program &&
    a.threadState.pc === b.threadState.pc &&
    a.threadState.done === b.threadState.done &&
    sameStatus(a.status, b.status) &&
    a.justRan === b.justRan &&
    a.changed === b.changed &&
    a.onRun === b.onRun,
);
