import type { ReactNode } from 'react';
import { useId } from 'react';

interface FieldProps {
  label: string;
  errors: readonly string[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled control with the validator's messages for it, read out with the control. */
export function Field({ label, errors, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-errors`;
  const invalid = errors.length > 0;
  return (
    <div className={`editor-field${invalid ? ' editor-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: invalid ? errorId : undefined, invalid })}
      {invalid ? (
        <ul id={errorId} className="editor-errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface SelectProps<T extends string | number> {
  label: string;
  value: unknown;
  options: readonly T[];
  errors: readonly string[];
  titles?: Readonly<Partial<Record<T, string>>>;
  onChange: (value: T) => void;
}

/** A select over a catalogue list; a value outside the list (an imported file) shows as itself until changed. */
export function SelectField<T extends string | number>({
  label,
  value,
  options,
  errors,
  titles,
  onChange,
}: SelectProps<T>) {
  const known = options.includes(value as T);
  return (
    <Field label={label} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={known ? String(value) : ''}
          onChange={(event) => {
            const chosen = options.find((option) => String(option) === event.target.value);
            if (chosen !== undefined) onChange(chosen);
          }}
        >
          {known ? null : <option value="">{`(${JSON.stringify(value) ?? 'none'})`.slice(0, 40)}</option>}
          {options.map((option) => (
            <option key={String(option)} value={String(option)}>
              {titles?.[option] ? `${option}: ${titles[option]}` : String(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
