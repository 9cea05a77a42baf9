interface Props {
  /** The picker's visible label, also its accessible name. */
  label: string;
  className: string;
  onFile: (file: File | undefined) => void;
}

/** A chooser for one .json file; it is emptied after each choice, so choosing the same file again reads it again. */
export function JsonFileInput({ label, className, onFile }: Props) {
  return (
    <label className={className}>
      {label}{' '}
      <input
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          onFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
    </label>
  );
}
