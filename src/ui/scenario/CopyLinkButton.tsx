import { useState } from 'react';
import type { Scenario } from '../../core';
import type { AppStore } from '../../state/store';
import { withTourChapter } from '../../tour/tour-link';
import { encodeRunLink } from '../../url/encode';
import { useServices } from '../AppContext';
import { situationOf } from '../history/situation';

/** The link that replays this run to the step shown (null while a step is in flight); Copy link and exports share it. */
export function shareUrl(s: AppStore, catalog: readonly Scenario[]): string | null {
  const link = situationOf(s, catalog);
  return link
    ? `${window.location.origin}${window.location.pathname}${withTourChapter(encodeRunLink(link), s.tourChapter)}`
    : null;
}

/** Copies a link that replays this run to the step shown; shows the link when the clipboard is unavailable. */
export function CopyLinkButton() {
  const { store, catalog } = useServices();
  const [note, setNote] = useState<{ text: string; url?: string } | null>(null);
  const onCopy = async () => {
    const url = shareUrl(store.getState(), catalog);
    if (!url) return setNote({ text: 'Wait for the step to finish, then copy.' });
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
