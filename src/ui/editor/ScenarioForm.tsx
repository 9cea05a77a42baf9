import { BACKINGS, BUG_DESIGNS, BUGS, DESIGN_TITLES, DESIGNS, LIMITS } from '../../core';
import { RING_SIZES } from '../../core/layout';
import { type Draft, errorsFor } from './draft';
import { ExtraFields } from './ExtraFields';
import { Field, SelectField } from './fields';
import { MmThreadsField } from './MmThreadsField';

interface Props {
  draft: Draft;
  errors: readonly string[];
  onField: (field: string, value: unknown) => void;
  /** The run the stepper shows, offered as the story. */
  shownRun: readonly number[];
}

const ROUNDS = Array.from({ length: LIMITS.maxRounds }, (_, i) => i + 1);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Every field of a scenario, each list taken from the catalogue, each with the validator's messages beside it. */
export function ScenarioForm({ draft, errors, onField, shownRun }: Props) {
  const bugs = Array.isArray(draft.bugs) ? draft.bugs : [];
  const toggleBug = (bug: string, on: boolean) => onField('bugs', on ? [...bugs, bug] : bugs.filter((b) => b !== bug));
  const bugErrors = errorsFor(errors, 'bugs');
  return (
    <div className="editor-form">
      <Field label="Id" errors={errorsFor(errors, 'id')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={text(draft.id)}
            maxLength={64}
            onChange={(event) => onField('id', event.target.value)}
          />
        )}
      </Field>
      <Field label="Title" errors={errorsFor(errors, 'title')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={text(draft.title)}
            maxLength={200}
            onChange={(event) => onField('title', event.target.value)}
          />
        )}
      </Field>
      <SelectField
        label="Design"
        value={draft.design}
        options={DESIGNS}
        titles={DESIGN_TITLES}
        errors={errorsFor(errors, 'design')}
        onChange={(design) => onField('design', design)}
      />
      <fieldset className="editor-bugs" aria-describedby={bugErrors.length ? 'editor-bug-errors' : undefined}>
        <legend>Bug switches</legend>
        {BUGS.map((bug) => (
          <label key={bug}>
            <input type="checkbox" checked={bugs.includes(bug)} onChange={(e) => toggleBug(bug, e.target.checked)} />{' '}
            {bug} <span className="editor-hint">(applies to {BUG_DESIGNS[bug].join(', ')})</span>
          </label>
        ))}
        {bugErrors.length > 0 ? (
          <ul id="editor-bug-errors" className="editor-errors">
            {bugErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <SelectField
        label="Memory backing"
        value={draft.backing ?? '4k'}
        options={BACKINGS}
        errors={errorsFor(errors, 'backing')}
        onChange={(backing) => onField('backing', backing)}
      />
      <SelectField
        label="Ring size"
        value={draft.ringSize ?? 256}
        options={RING_SIZES}
        errors={errorsFor(errors, 'ringSize')}
        onChange={(ringSize) => onField('ringSize', ringSize)}
      />
      <SelectField
        label="Rounds"
        value={draft.rounds ?? 2}
        options={ROUNDS}
        errors={errorsFor(errors, 'rounds')}
        onChange={(rounds) => onField('rounds', rounds)}
      />
      <SelectField
        label="Virtqueues"
        value={draft.vqs ?? 1}
        options={[1, 2] as const}
        errors={errorsFor(errors, 'vqs')}
        onChange={(vqs) => onField('vqs', vqs)}
      />
      <SelectField
        label="Ring starts in region"
        value={draft.startRegion ?? 0}
        options={[0, 1] as const}
        errors={errorsFor(errors, 'startRegion')}
        onChange={(region) => onField('startRegion', region)}
      />
      <MmThreadsField draft={draft} errors={errors} onChange={(mm) => onField('mm', mm)} />
      <ExtraFields draft={draft} errors={errors} shownRun={shownRun} onField={onField} />
    </div>
  );
}
