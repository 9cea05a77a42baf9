import { useState } from 'react';
import { encodeRunLink } from '../../url/run-link';
import { useServices } from '../AppContext';

/** Copies a link that replays this run to the step shown; shows the link when the clipboard is unavailable. */
export function CopyLinkButton() {
  const { store } = useServices();
  const [note, setNote] = useState<{ text: string; url?: string } | null>(null);
  const onCopy = async () => {
    const { scenarioId, schedule, index } = store.getState();
    const url = `${window.location.origin}${window.location.pathname}${encodeRunLink({ scenarioId, schedule, index })}`;
    try {
      await navigator.clipboard.writeText(url);
      setNote({ text: 'Link copied.' });
    } catch {
      setNote({ text: 'Copy this link:', url });
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void onCopy()}>
        Copy link
      </button>
      <span role="status">
        {note?.text}
        {note?.url ? (
          <input readOnly aria-label="Link to this step" value={note.url} onFocus={(e) => e.target.select()} />
        ) : null}
      </span>
    </span>
  );
}
