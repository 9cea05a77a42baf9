import { type FormEvent, useEffect, useState } from 'react';

interface Props {
  index: number;
  total: number;
  onGo: (step: number) => void;
}

/** Jumps to a typed step number (clamped to the recorded history). */
export function GoToStep({ index, total, onGo }: Props) {
  const [value, setValue] = useState(String(index));
  useEffect(() => setValue(String(index)), [index]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const step = Number.parseInt(value, 10);
    if (Number.isFinite(step)) onGo(Math.min(total, Math.max(0, step)));
  };
  return (
    <form className="go-to-step" onSubmit={submit}>
      <label>
        Go to step{' '}
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={total}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit">Go</button>
    </form>
  );
}
