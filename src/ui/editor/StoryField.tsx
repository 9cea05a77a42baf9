import { useEffect, useState } from 'react';
import { formatSchedule, parseSchedule } from '../compare/parse-schedule';
import { type Draft, errorsFor } from './draft';
import { Field } from './fields';

interface Props {
  draft: Draft;
  errors: readonly string[];
  /** The run the stepper shows, as thread indices (0 = vhost), to record as the story. */
  shownRun: readonly number[];
  onChange: (story: number[]) => void;
}

const threadCount = (draft: Draft) => 1 + (Array.isArray(draft.mm) ? draft.mm.length : 0);
const storyOf = (draft: Draft): number[] =>
  Array.isArray(draft.story) ? draft.story.filter((t): t is number => typeof t === 'number') : [];

/** The story: thread numbers as the digit keys name them (1 = vhost); the file keeps indices (0 = vhost). */
export function StoryField({ draft, errors, shownRun, onChange }: Props) {
  const stored = formatSchedule(storyOf(draft));
  const [text, setText] = useState(stored);
  // A story set from outside (an import, the run shown) replaces what is typed.
  useEffect(() => setText(stored), [stored]);
  const parsed = parseSchedule(text, threadCount(draft));
  const own = parsed.ok ? [] : [`story: ${parsed.error}`];
  return (
    <Field label="Story (thread numbers, 1 = vhost worker)" errors={[...own, ...errorsFor(errors, 'story')]}>
      {({ id, describedBy, invalid }) => (
        <span className="editor-story">
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              const next = parseSchedule(event.target.value, threadCount(draft));
              if (next.ok) onChange(next.schedule);
            }}
          />
          <button type="button" onClick={() => onChange([...shownRun])} disabled={shownRun.length === 0}>
            Use the run shown as the story ({shownRun.length} steps)
          </button>
        </span>
      )}
    </Field>
  );
}
