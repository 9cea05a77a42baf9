import { useState } from 'react';
import { encodeRunLink } from '../../url/encode';
import { useServices } from '../AppContext';
import { situationOf } from '../history/situation';

/** Copies a link that replays this run to the step shown; shows the link when the clipboard is unavailable. */
export function CopyLinkButton() {
  const { store, catalog } = useServices();
  const [note, setNote] = useState<{ text: string; url?: string } | null>(null);
  const onCopy = async () => {
    const s = store.getState();
    const link = situationOf(s, catalog);
    if (!link) return setNote({ text: 'Wait for the step to finish, then copy.' });
    const url = `${window.location.origin}${window.location.pathname}${encodeRunLink(link)}`;
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
