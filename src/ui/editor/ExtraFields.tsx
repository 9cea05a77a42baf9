import { HAZARD_KINDS, LIMITS, MEMORY_KINDS, WARNING_KINDS } from '../../core/catalog';
import { type Draft, errorsFor } from './draft';
import { Field, SelectField } from './fields';
import { StoryField } from './StoryField';

interface Props {
  draft: Draft;
  errors: readonly string[];
  shownRun: readonly number[];
  onField: (field: string, value: unknown) => void;
}

const DIRECT_MAPS = ['2M', '1G'] as const;
type Expect = { hazards: string[]; warnings: string[] };

function expectOf(draft: Draft): Expect {
  const raw =
    typeof draft.expect === 'object' && draft.expect !== null ? (draft.expect as Record<string, unknown>) : {};
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return { hazards: list(raw.hazards), warnings: list(raw.warnings) };
}

/** The fields beyond the race's shape: summary, guest memory, direct map, the story and what it shows. */
export function ExtraFields({ draft, errors, shownRun, onField }: Props) {
  const expected = expectOf(draft);
  const toggle = (list: 'hazards' | 'warnings', kind: string, on: boolean) =>
    onField('expect', {
      ...expected,
      [list]: on ? [...expected[list], kind] : expected[list].filter((k) => k !== kind),
    });
  return (
    <>
      <Field label="Summary" errors={errorsFor(errors, 'summary')}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            rows={2}
            maxLength={LIMITS.maxSummary}
            value={typeof draft.summary === 'string' ? draft.summary : ''}
            onChange={(event) => onField('summary', event.target.value)}
          />
        )}
      </Field>
      <SelectField
        label="Guest memory"
        value={draft.memory ?? 'anonymous'}
        options={MEMORY_KINDS}
        errors={errorsFor(errors, 'memory')}
        onChange={(memory) => onField('memory', memory)}
      />
      <SelectField
        label="Direct map page size"
        value={draft.directMap ?? '1G'}
        options={DIRECT_MAPS}
        errors={errorsFor(errors, 'directMap')}
        onChange={(directMap) => onField('directMap', directMap)}
      />
      <StoryField draft={draft} errors={errors} shownRun={shownRun} onChange={(story) => onField('story', story)} />
      <fieldset className="editor-bugs">
        <legend>What the story shows</legend>
        {(
          [
            ['hazards', HAZARD_KINDS],
            ['warnings', WARNING_KINDS],
          ] as const
        ).flatMap(([list, kinds]) =>
          kinds.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={expected[list].includes(kind)}
                onChange={(event) => toggle(list, kind, event.target.checked)}
              />{' '}
              {kind} <span className="editor-hint">({list === 'hazards' ? 'hazard' : 'warning'})</span>
            </label>
          )),
        )}
        {errorsFor(errors, 'expect').length > 0 ? (
          <ul className="editor-errors">
            {errorsFor(errors, 'expect').map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
    </>
  );
}
