import { LIMITS, MM_KINDS } from '../../core';
import { AREAS } from '../../core/layout';
import type { Draft } from './draft';
import { errorsFor } from './draft';
import { SelectField } from './fields';

const TARGETS = ['all', ...AREAS] as const;
type Item = Record<string, unknown>;

interface Props {
  draft: Draft;
  errors: readonly string[];
  onChange: (mm: Item[]) => void;
}

/** At most the threads the format allows, however long the draft's list: a row per entry of a huge list would freeze the tab. */
const itemsOf = (draft: Draft): Item[] =>
  Array.isArray(draft.mm)
    ? draft.mm.slice(0, LIMITS.maxMmThreads).map((m) => (typeof m === 'object' && m !== null ? (m as Item) : {}))
    : [];

/** The mm threads that race with vhost, in thread order 2, 3, ...: each an event and the ring area it targets. */
export function MmThreadsField({ draft, errors, onChange }: Props) {
  const items = itemsOf(draft);
  const set = (i: number, field: string, value: string) =>
    onChange(items.map((item, j) => (j === i ? { ...item, [field]: value } : item)));
  const listErrors = errors.filter((message) => /^mm:/.test(message));
  const hidden = Array.isArray(draft.mm) ? draft.mm.length - items.length : 0;
  return (
    <fieldset className="editor-mm">
      <legend>mm threads (at most {LIMITS.maxMmThreads})</legend>
      {items.length === 0 ? <p className="editor-hint">No mm thread: vhost runs alone.</p> : null}
      {hidden > 0 ? (
        <p className="editor-hint">
          {hidden} more {hidden === 1 ? 'entry is' : 'entries are'} not shown: the format allows at most{' '}
          {LIMITS.maxMmThreads}.
        </p>
      ) : null}
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: threads are identified by their position.
        <div key={i} className="editor-mm-row">
          <SelectField
            label={`Thread ${i + 2} event`}
            value={item.kind}
            options={MM_KINDS}
            errors={errorsFor(errors, `mm[${i}].kind`)}
            onChange={(kind) => set(i, 'kind', kind)}
          />
          <SelectField
            label={`Thread ${i + 2} target`}
            value={item.target ?? 'all'}
            options={TARGETS}
            errors={errorsFor(errors, `mm[${i}].target`)}
            onChange={(target) => set(i, 'target', target)}
          />
          <button type="button" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            Remove thread {i + 2}
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={items.length >= LIMITS.maxMmThreads}
        onClick={() => onChange([...items, { kind: MM_KINDS[0], target: 'all' }])}
      >
        Add an mm thread
      </button>
      {listErrors.length > 0 ? (
        <ul className="editor-errors">
          {listErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
