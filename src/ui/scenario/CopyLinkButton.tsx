import { useState } from 'react';
import type { AppStore } from '../../state/store';
import { encodeRunLink } from '../../url/run-link';
import { useServices } from '../AppContext';

/** The link that replays this run to the step shown; the Copy link button and the exports share it. */
export function shareUrl({ scenarioId, schedule, index }: Pick<AppStore, 'scenarioId' | 'schedule' | 'index'>): string {
  return `${window.location.origin}${window.location.pathname}${encodeRunLink({ scenarioId, schedule, index })}`;
}

/** Copies a link that replays this run to the step shown; shows the link when the clipboard is unavailable. */
export function CopyLinkButton() {
  const { store } = useServices();
  const [note, setNote] = useState<{ text: string; url?: string } | null>(null);
  const onCopy = async () => {
    const url = shareUrl(store.getState());
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
